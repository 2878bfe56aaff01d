namespace Odoo.Schema;

/// <summary>How <see cref="OdooScaffolder"/> writes declarations.</summary>
public sealed class OdooScaffoldOptions
{
    /// <summary>The namespace of the scaffolded records; <c>Odoo.Models</c> by default.</summary>
    public string Namespace { get; set; } = "Odoo.Models";

    /// <summary>
    /// Whether the targets of relations are scaffolded too (transitively, up to <see cref="MaxModels"/>).
    /// Targets that are neither scaffolded nor in <see cref="ExistingRecords"/> get a stub record
    /// (only the fields every model has).
    /// </summary>
    public bool FollowRelations { get; set; }

    /// <summary>The most models scaffolded in full (requested ones included); 50 by default.</summary>
    public int MaxModels { get; set; } = 50;

    /// <summary>
    /// Records that already exist (Odoo model name → C# record type, fully qualified, for example
    /// from another assembly's <c>OdooModelRegistration</c> attributes): relations to these models use
    /// them instead of scaffolding or stubbing the target.
    /// </summary>
    public IDictionary<string, string> ExistingRecords { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Model-name prefixes left out of record names (<c>res.</c> makes <c>res.partner</c> a
    /// <c>Partner</c>); <c>res.</c> and <c>ir.</c> by default.
    /// </summary>
    public IList<string> StripPrefixes { get; } = ["res.", "ir."];

    /// <summary>Field names to leave out; <c>*</c> matches any run of characters (for example <c>message_*</c>).</summary>
    public IList<string> ExcludeFields { get; } = [];

    /// <summary>Whether <c>monetary</c> fields are <see cref="decimal"/> (the default) rather than <see cref="double"/>.</summary>
    public bool MonetaryAsDecimal { get; set; } = true;

    /// <summary>Where the schema came from (server URL and version), for the files' header comment; none by default.</summary>
    public string? Source { get; set; }
}
