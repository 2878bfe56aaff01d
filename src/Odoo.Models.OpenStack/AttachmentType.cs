namespace Odoo.Models.OpenStack;

/// <summary>Where an attachment's contents are (<c>type</c> of <c>ir.attachment</c>).</summary>
public enum AttachmentType
{
    /// <summary>Stored by Odoo (in <c>datas</c>).</summary>
    [OdooSelection("binary")] Binary,

    /// <summary>At an external URL.</summary>
    [OdooSelection("url")] Url,
}
