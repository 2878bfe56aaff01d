using System.Security.Cryptography;
using System.Text.Json;
using Odoo.Serialization;
using Odoo.Transport;
using Odoo.Values;

namespace Odoo.Models.OpenStack;

/// <summary>
/// File operations on <c>ir.attachment</c>: upload, download and replace contents (base64 on the
/// wire), checksum checks, and making a file the main attachment of its record.
/// </summary>
public partial class AttachmentManager
{
    // ------------------------------------------------------------------ upload

    /// <summary>
    /// Uploads a file and attaches it to <paramref name="record"/> (one <c>create</c>): sends
    /// <c>name</c>, <c>res_id</c>, <c>res_model</c>, the base64 contents as <c>datas</c>, then the extra
    /// <paramref name="fields"/> with <c>type</c> forced to <c>binary</c>.
    /// </summary>
    /// <typeparam name="TRecord">The record type (its Odoo model becomes <c>res_model</c>).</typeparam>
    /// <param name="name">The attachment name, usually the file name.</param>
    /// <param name="data">The contents.</param>
    /// <param name="record">The record to attach the file to.</param>
    /// <param name="fields">More attachment values (for example <c>res_field</c>, <c>mimetype</c>); <c>datas</c>, <c>url</c> and <c>type</c> are ignored.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new attachment's id.</returns>
    public Task<int> UploadAsync<TRecord>(string name, ReadOnlyMemory<byte> data, TRecord record, OdooValues? fields = null, CancellationToken cancellationToken = default)
        where TRecord : OdooRecord, IOdooRecord<TRecord>
    {
        ArgumentNullException.ThrowIfNull(record);
        return UploadAsync(name, data, TRecord.Metadata.ModelName, record.Id, fields, cancellationToken);
    }

    /// <summary>Uploads a file and attaches it to the record <paramref name="resId"/> of <paramref name="resModel"/> (one <c>create</c>).</summary>
    /// <param name="name">The attachment name, usually the file name.</param>
    /// <param name="data">The contents.</param>
    /// <param name="resModel">The Odoo model of the record, for example <c>account.move</c>.</param>
    /// <param name="resId">The record id.</param>
    /// <param name="fields">More attachment values; <c>datas</c>, <c>url</c> and <c>type</c> are ignored.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new attachment's id.</returns>
    /// <exception cref="ArgumentException"><paramref name="resId"/> is not an id or <paramref name="resModel"/> is empty (nothing is sent).</exception>
    public Task<int> UploadAsync(string name, ReadOnlyMemory<byte> data, string resModel, int resId, OdooValues? fields = null, CancellationToken cancellationToken = default)
    {
        CheckTarget(name, resModel, resId);
        return CreateAsync(UploadValues(name, resModel, resId, data, fields), cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Uploads a file read from <paramref name="content"/> and attaches it to <paramref name="record"/>
    /// (one <c>create</c>). The stream is read to its end asynchronously; the contents are buffered in
    /// pooled chunks and written into the request as base64 without an intermediate string.
    /// </summary>
    /// <typeparam name="TRecord">The record type (its Odoo model becomes <c>res_model</c>).</typeparam>
    /// <param name="name">The attachment name, usually the file name.</param>
    /// <param name="content">The contents; read from its current position, not disposed.</param>
    /// <param name="record">The record to attach the file to.</param>
    /// <param name="fields">More attachment values; <c>datas</c>, <c>url</c> and <c>type</c> are ignored.</param>
    /// <param name="cancellationToken">Cancels reading and the call.</param>
    /// <returns>The new attachment's id.</returns>
    public Task<int> UploadAsync<TRecord>(string name, Stream content, TRecord record, OdooValues? fields = null, CancellationToken cancellationToken = default)
        where TRecord : OdooRecord, IOdooRecord<TRecord>
    {
        ArgumentNullException.ThrowIfNull(record);
        return UploadAsync(name, content, TRecord.Metadata.ModelName, record.Id, fields, cancellationToken);
    }

    /// <summary>Uploads a file read from <paramref name="content"/> and attaches it to the record <paramref name="resId"/> of <paramref name="resModel"/> (one <c>create</c>).</summary>
    /// <param name="name">The attachment name, usually the file name.</param>
    /// <param name="content">The contents; read from its current position, not disposed.</param>
    /// <param name="resModel">The Odoo model of the record.</param>
    /// <param name="resId">The record id.</param>
    /// <param name="fields">More attachment values; <c>datas</c>, <c>url</c> and <c>type</c> are ignored.</param>
    /// <param name="cancellationToken">Cancels reading and the call.</param>
    /// <returns>The new attachment's id.</returns>
    /// <exception cref="ArgumentException"><paramref name="resId"/> is not an id or <paramref name="resModel"/> is empty (nothing is sent).</exception>
    public async Task<int> UploadAsync(string name, Stream content, string resModel, int resId, OdooValues? fields = null, CancellationToken cancellationToken = default)
    {
        CheckTarget(name, resModel, resId);
        using var body = await Base64Content.ReadAsync(content, cancellationToken).ConfigureAwait(false);
        return await CreateAsync(UploadValues(name, resModel, resId, body, fields), cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    // ------------------------------------------------------------------ download

    /// <summary>
    /// Downloads an attachment's contents (one <c>read</c> of <c>datas</c> and <c>checksum</c>). The
    /// base64 text is decoded straight from the response, and the result is checked against the
    /// SHA-1 checksum Odoo stores.
    /// </summary>
    /// <param name="id">The attachment id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The contents.</returns>
    /// <exception cref="OdooRecordNotFoundException">No attachment has that id.</exception>
    /// <exception cref="OdooValueException">The attachment has no stored contents (a URL attachment).</exception>
    /// <exception cref="OdooAttachmentChecksumException">The contents do not match Odoo's checksum.</exception>
    public async Task<byte[]> DownloadAsync(int id, CancellationToken cancellationToken = default)
    {
        ManagerSupport.CheckId(id, nameof(id));
        var (found, data, checksum) = await ReadRowsAsync([id], ContentFields, ReadContent, (false, null, null), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!found) throw RecordNotFound(id);
        if (data is null) throw new OdooValueException($"Attachment {id} has no stored contents (it may be a URL attachment).") { Model = ModelName, Method = "read", Ids = [id] };
        if (checksum is { Length: 40 })
        {
            var actual = Base64Content.Sha1Of(data);
            if (!string.Equals(actual, checksum, StringComparison.OrdinalIgnoreCase))
            {
                throw new OdooAttachmentChecksumException(id, checksum, actual);
            }
        }
        return data;
    }

    /// <summary>Downloads an attachment's contents (see <see cref="DownloadAsync(int, CancellationToken)"/>).</summary>
    /// <param name="attachment">The attachment.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<byte[]> DownloadAsync(Attachment attachment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        return DownloadAsync(attachment.Id, cancellationToken);
    }

    /// <summary>Downloads an attachment's contents (checked against its checksum) and writes them to <paramref name="destination"/>.</summary>
    /// <param name="id">The attachment id.</param>
    /// <param name="destination">Where to write the contents; not disposed.</param>
    /// <param name="cancellationToken">Cancels the call and the write.</param>
    /// <returns>The number of bytes written.</returns>
    public async Task<long> DownloadToAsync(int id, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var data = await DownloadAsync(id, cancellationToken).ConfigureAwait(false);
        await destination.WriteAsync(data, cancellationToken).ConfigureAwait(false);
        return data.LongLength;
    }

    /// <summary>Downloads an attachment's contents as a read-only stream over the downloaded (and checked) bytes.</summary>
    /// <param name="id">The attachment id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<Stream> OpenReadAsync(int id, CancellationToken cancellationToken = default) =>
        new MemoryStream(await DownloadAsync(id, cancellationToken).ConfigureAwait(false), writable: false);

    // ------------------------------------------------------------------ checksums

    /// <summary>
    /// Whether an attachment's stored contents equal <paramref name="data"/>, comparing SHA-1
    /// checksums (one <c>read</c> of <c>checksum</c>; the contents are not downloaded). Useful to skip
    /// re-uploading unchanged files.
    /// </summary>
    /// <param name="id">The attachment id.</param>
    /// <param name="data">The contents to compare with.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="OdooRecordNotFoundException">No attachment has that id.</exception>
    public async Task<bool> ContentMatchesAsync(int id, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default) =>
        string.Equals(await GetChecksumAsync(id, cancellationToken).ConfigureAwait(false), Base64Content.Sha1Of(data.Span), StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether an attachment's stored contents equal the rest of <paramref name="content"/> (SHA-1 checksums; one <c>read</c>).</summary>
    /// <param name="id">The attachment id.</param>
    /// <param name="content">The contents to compare with; read to its end, not disposed.</param>
    /// <param name="cancellationToken">Cancels reading and the call.</param>
    public async Task<bool> ContentMatchesAsync(int id, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        var buffer = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0) hash.AppendData(buffer, 0, read);
        var local = Convert.ToHexString(hash.GetHashAndReset());
        return string.Equals(await GetChecksumAsync(id, cancellationToken).ConfigureAwait(false), local, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The SHA-1 of <paramref name="data"/> as Odoo stores it in <c>checksum</c> (lowercase hexadecimal).</summary>
    /// <param name="data">The contents.</param>
    public static string ComputeChecksum(ReadOnlySpan<byte> data) => Base64Content.Sha1Of(data);

    private async Task<string?> GetChecksumAsync(int id, CancellationToken cancellationToken)
    {
        var attachment = await GetAsync(ManagerSupport.CheckId(id, nameof(id)), [nameof(Attachment.Checksum)], cancellationToken: cancellationToken).ConfigureAwait(false);
        return attachment.Checksum;
    }

    // ------------------------------------------------------------------ re-upload

    /// <summary>
    /// Replaces an attachment's contents (one <c>write</c> of <c>datas</c>, then the extra
    /// <paramref name="fields"/>). Records already read are not refreshed.
    /// </summary>
    /// <param name="id">The attachment id.</param>
    /// <param name="data">The new contents.</param>
    /// <param name="fields">More values to write; <c>datas</c>, <c>url</c> and <c>type</c> are ignored.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task ReuploadAsync(int id, ReadOnlyMemory<byte> data, OdooValues? fields = null, CancellationToken cancellationToken = default) =>
        UpdateAsync(ManagerSupport.CheckId(id, nameof(id)), ReuploadValues(data, fields), cancellationToken: cancellationToken);

    /// <summary>Replaces an attachment's contents with the rest of <paramref name="content"/> (one <c>write</c>).</summary>
    /// <param name="id">The attachment id.</param>
    /// <param name="content">The new contents; read to its end, not disposed.</param>
    /// <param name="fields">More values to write; <c>datas</c>, <c>url</c> and <c>type</c> are ignored.</param>
    /// <param name="cancellationToken">Cancels reading and the call.</param>
    public async Task ReuploadAsync(int id, Stream content, OdooValues? fields = null, CancellationToken cancellationToken = default)
    {
        ManagerSupport.CheckId(id, nameof(id));
        using var body = await Base64Content.ReadAsync(content, cancellationToken).ConfigureAwait(false);
        await UpdateAsync(id, ReuploadValues(body, fields), cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    // ------------------------------------------------------------------ main attachment

    /// <summary>
    /// Makes the attachment the main attachment of the record it is linked to (one
    /// <c>register_as_main_attachment</c> call). The linked model needs a
    /// <c>message_main_attachment_id</c> field.
    /// </summary>
    /// <param name="id">The attachment id.</param>
    /// <param name="force">Whether to replace an existing main attachment; with <see langword="false"/> an existing one is kept.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task RegisterAsMainAttachmentAsync(int id, bool force = true, CancellationToken cancellationToken = default)
    {
        var call = new OdooCall(ModelName, "register_as_main_attachment")
        {
            Ids = [ManagerSupport.CheckId(id, nameof(id))],
            KeywordArguments = [new OdooArgument("force", force)],
        };
        return ManagerSupport.CallAsync(Client, call, cancellationToken);
    }

    // ------------------------------------------------------------------ internals

    private static readonly string[] ContentFields = ["datas", "checksum"];

    private static void CheckTarget(string name, string resModel, int resId)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (resId <= 0) throw new ArgumentException($"Either record or res_id must be specified when uploading attachment: {name}", nameof(resId));
        if (string.IsNullOrEmpty(resModel)) throw new ArgumentException($"res_model must be specified for a record reference using res_id {resId} when uploading attachment: {name}", nameof(resModel));
    }

    private OdooValues UploadValues(string name, string resModel, int resId, object datas, OdooValues? extra)
    {
        var values = new OdooValues
        {
            ["name"] = name,
            ["res_id"] = resId,
            ["res_model"] = resModel,
            ["datas"] = datas is ReadOnlyMemory<byte> m ? new Base64Bytes(m) : datas,
        };
        CopyExtras(extra, values);
        values["type"] = "binary";
        return values;
    }

    private OdooValues ReuploadValues(object datas, OdooValues? extra)
    {
        var values = new OdooValues { ["datas"] = datas is ReadOnlyMemory<byte> m ? new Base64Bytes(m) : datas };
        CopyExtras(extra, values);
        return values;
    }

    /// <summary>Copies the caller's extra values, leaving out those that would change the contents' kind or location.</summary>
    private void CopyExtras(OdooValues? extra, OdooValues values)
    {
        if (extra is null) return;
        foreach (var (key, value) in extra)
        {
            var remote = Metadata.FindByName(key)?.RemoteName ?? key;
            if (remote is "datas" or "url" or "type") continue;
            values[key] = value;
        }
    }

    /// <summary>Reads the <c>read</c> answer: whether a row came back, its decoded <c>datas</c> and its <c>checksum</c>.</summary>
    private static (bool Found, byte[]? Data, string? Checksum) ReadContent(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw OdooJsonReader.Unexpected(ref reader, "a list of records");
        OdooJsonReader.Read(ref reader);
        if (reader.TokenType == JsonTokenType.EndArray) return (false, null, null);
        if (reader.TokenType != JsonTokenType.StartObject) throw OdooJsonReader.Unexpected(ref reader, "a record object");
        byte[]? data = null;
        string? checksum = null;
        OdooJsonReader.Read(ref reader);
        while (reader.TokenType != JsonTokenType.EndObject)
        {
            var isData = reader.ValueTextEquals("datas"u8);
            var isChecksum = reader.ValueTextEquals("checksum"u8);
            OdooJsonReader.Read(ref reader);
            if (isData && reader.TokenType == JsonTokenType.String)
            {
                // Decoded straight from the UTF-8 bytes; Python may wrap long base64 lines, which only the string path accepts.
                data = reader.TryGetBytesFromBase64(out var bytes) ? bytes : Convert.FromBase64String(reader.GetString()!);
            }
            else if (isChecksum && reader.TokenType == JsonTokenType.String)
            {
                checksum = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
            OdooJsonReader.Read(ref reader);
        }
        // Only one id was asked for; skip anything after the first row.
        OdooJsonReader.Read(ref reader);
        while (reader.TokenType != JsonTokenType.EndArray)
        {
            reader.Skip();
            OdooJsonReader.Read(ref reader);
        }
        return (true, data, checksum);
    }

    /// <summary>Bytes written as one base64 JSON string.</summary>
    private sealed class Base64Bytes(ReadOnlyMemory<byte> data) : IOdooJsonWritable
    {
        public void WriteTo(Utf8JsonWriter writer) => writer.WriteBase64StringValue(data.Span);
    }
}

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
