using System.Security.Cryptography;
using System.Text.Json;
using Odoo.Serialization;
using Odoo.Transport;
using Odoo.Values;

namespace Odoo.Models.OpenStack;

public partial record Attachment
{
    /// <summary>Downloads this attachment's contents (one <c>read</c>; always asks the server, checked against the checksum).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="InvalidOperationException">The record was not read through a client.</exception>
    public Task<byte[]> DownloadAsync(CancellationToken cancellationToken = default) => GetAttachmentManager().DownloadAsync(Id, cancellationToken);

    /// <summary>Replaces this attachment's contents (one <c>write</c>). This record is not refreshed.</summary>
    /// <param name="data">The new contents.</param>
    /// <param name="fields">More values to write; <c>datas</c>, <c>url</c> and <c>type</c> are ignored.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="InvalidOperationException">The record was not read through a client.</exception>
    public Task ReuploadAsync(ReadOnlyMemory<byte> data, OdooValues? fields = null, CancellationToken cancellationToken = default) =>
        GetAttachmentManager().ReuploadAsync(Id, data, fields, cancellationToken);

    /// <summary>Replaces this attachment's contents with the rest of <paramref name="content"/> (one <c>write</c>). This record is not refreshed.</summary>
    /// <param name="content">The new contents; read to its end, not disposed.</param>
    /// <param name="fields">More values to write; <c>datas</c>, <c>url</c> and <c>type</c> are ignored.</param>
    /// <param name="cancellationToken">Cancels reading and the call.</param>
    /// <exception cref="InvalidOperationException">The record was not read through a client.</exception>
    public Task ReuploadAsync(Stream content, OdooValues? fields = null, CancellationToken cancellationToken = default) =>
        GetAttachmentManager().ReuploadAsync(Id, content, fields, cancellationToken);

    /// <summary>Makes this attachment the main attachment of its record (one <c>register_as_main_attachment</c> call).</summary>
    /// <param name="force">Whether to replace an existing main attachment.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="InvalidOperationException">The record was not read through a client.</exception>
    public Task RegisterAsMainAttachmentAsync(bool force = true, CancellationToken cancellationToken = default) =>
        GetAttachmentManager().RegisterAsMainAttachmentAsync(Id, force, cancellationToken);

    /// <summary>
    /// The manager of the model this attachment is linked to (<see cref="ResModel"/>), from the same
    /// client; <see langword="null"/> when the attachment is not linked. No request is made.
    /// </summary>
    /// <returns>One of the <see cref="OpenStackOdooClient"/> managers, for example an <see cref="AccountMoveManager"/>.</returns>
    /// <exception cref="KeyNotFoundException">The model is not one of the OpenStack integration's models.</exception>
    /// <exception cref="InvalidOperationException">The record was not read through a client.</exception>
    public object? GetResModelManager() =>
        string.IsNullOrEmpty(ResModel) ? null : OpenStackOdooClient.GetManager(Source.RequireClient(nameof(Attachment)), ResModel);

    private AttachmentManager GetAttachmentManager() =>
        Source.RequireClient(nameof(Attachment)).GetManager(static c => new AttachmentManager(c));
}
