namespace Odoo.Models.OpenStack;

/// <summary>A partner tag (<c>res.partner.category</c>); tags form a tree.</summary>
[OdooModel("res.partner.category", ClientProperty = "PartnerCategories")]
public partial record PartnerCategory
{
    /// <summary>Whether the tag is in use (archived tags are <see langword="false"/>).</summary>
    public partial bool Active { get; }

    /// <summary>The tags directly below this one (Odoo field <c>child_ids</c>).</summary>
    [One2Many("child_ids", IdsProperty = "ChildIds")]
    public partial IReadOnlyList<PartnerCategory> Children { get; }

    /// <summary>The colour index of the tag.</summary>
    public partial int Color { get; }

    /// <summary>Another name for <see cref="Color"/>.</summary>
    [FieldAlias(nameof(Color))]
    public partial int Colour { get; }

    /// <summary>The tag's name (not unique, even under one parent).</summary>
    public partial string Name { get; }

    /// <summary>The tag directly above this one, if any.</summary>
    [Many2One("parent_id")]
    public partial PartnerCategory? Parent { get; }

    /// <summary>Odoo's materialised path of ids used for hierarchy searches; <see langword="null"/> when not computed.</summary>
    public partial string? ParentPath { get; }

    /// <summary>The partners that carry the tag (Odoo field <c>partner_ids</c>).</summary>
    [Many2Many("partner_ids", IdsProperty = "PartnerIds")]
    public partial IReadOnlyList<Partner> Partners { get; }
}
