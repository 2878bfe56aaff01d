namespace Odoo.Models.OpenStack;

/// <summary>
/// A stored file (<c>ir.attachment</c>), usually linked to another record. Upload, download and
/// replace contents through the manager (<c>UploadAsync</c>, <c>DownloadAsync</c>,
/// <c>ReuploadAsync</c>).
/// </summary>
/// <remarks>
/// Reads that name no fields fetch a default set that leaves out the contents (<c>datas</c>) and
/// the search index text (<c>index_content</c>); ask for those explicitly.
/// </remarks>
[OdooModel("ir.attachment", ClientProperty = "Attachments",
    DefaultFields = ["access_token", "checksum", "company_id", "description", "mimetype", "name", "public", "res_field", "res_id", "res_model", "res_name", "store_fname", "type", "url"])]
public partial record Attachment
{
    /// <summary>A token that grants access to the file; <see langword="null"/> when there is none.</summary>
    public partial string? AccessToken { get; }

    /// <summary>The SHA-1 of the contents, as hexadecimal; <see langword="null"/> for URL attachments.</summary>
    public partial string? Checksum { get; }

    /// <summary>The company that owns the file, if any.</summary>
    [Many2One("company_id")]
    public partial Company? Company { get; }

    /// <summary>
    /// The contents, base64-encoded as Odoo sends them; <see langword="null"/> for URL attachments.
    /// Not in the default field set; prefer <c>DownloadAsync</c>.
    /// </summary>
    public partial string? Datas { get; }

    /// <summary>A free description; <see langword="null"/> when there is none.</summary>
    public partial string? Description { get; }

    /// <summary>The text Odoo extracted for searching. Not in the default field set.</summary>
    public partial string? IndexContent { get; }

    /// <summary>The MIME type of the contents.</summary>
    public partial string? Mimetype { get; }

    /// <summary>The attachment's name, usually a file name.</summary>
    public partial string Name { get; }

    /// <summary>Whether anyone may read the file.</summary>
    public partial bool Public { get; }

    /// <summary>The binary field of the linked record that holds this file; <see langword="null"/> for plain attachments.</summary>
    public partial string? ResField { get; }

    /// <summary>The id of the linked record; <see langword="null"/> (or 0) when the file is not linked.</summary>
    public partial int? ResId { get; }

    /// <summary>The Odoo model of the linked record; <see langword="null"/> when the file is not linked.</summary>
    public partial string? ResModel { get; }

    /// <summary>The display name of the linked record; <see langword="null"/> when the file is not linked.</summary>
    [OdooReadOnly]
    public partial string? ResName { get; }

    /// <summary>The file's name in Odoo's file store; <see langword="null"/> when stored in the database or a URL.</summary>
    public partial string? StoreFname { get; }

    /// <summary>Whether the contents are stored (<see cref="AttachmentType.Binary"/>) or live at <see cref="Url"/>.</summary>
    public partial AttachmentType Type { get; }

    /// <summary>Where the contents live, for URL attachments; otherwise <see langword="null"/>.</summary>
    public partial string? Url { get; }
}

/// <summary>Where an attachment's contents are (<c>type</c> of <c>ir.attachment</c>).</summary>
public enum AttachmentType
{
    /// <summary>Stored by Odoo (in <c>datas</c>).</summary>
    [OdooSelection("binary")] Binary,

    /// <summary>At an external URL.</summary>
    [OdooSelection("url")] Url,
}
