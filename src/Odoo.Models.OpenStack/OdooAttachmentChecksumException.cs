using System.Security.Cryptography;
using System.Text.Json;
using Odoo.Serialization;
using Odoo.Transport;
using Odoo.Values;

namespace Odoo.Models.OpenStack;

/// <summary>An attachment's downloaded contents do not match the SHA-1 checksum Odoo stores for them.</summary>
public sealed class OdooAttachmentChecksumException : OdooException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="attachmentId">The attachment id.</param>
    /// <param name="expected">Odoo's checksum.</param>
    /// <param name="actual">The checksum of the downloaded contents.</param>
    public OdooAttachmentChecksumException(int attachmentId, string expected, string actual)
        : base($"The contents of attachment {attachmentId} do not match its checksum (Odoo has {expected}, the download hashes to {actual}).")
    {
        AttachmentId = attachmentId;
        Expected = expected;
        Actual = actual;
        Model = "ir.attachment";
        Method = "read";
        Ids = [attachmentId];
    }

    /// <summary>The attachment id.</summary>
    public int AttachmentId { get; }

    /// <summary>The checksum Odoo stores.</summary>
    public string Expected { get; }

    /// <summary>The checksum of the downloaded contents.</summary>
    public string Actual { get; }
}
