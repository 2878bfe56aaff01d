using System.Text.Json;

namespace Odoo.Transport;

internal sealed partial class JsonRpcTransport
{
    /// <summary>
    /// <c>service.method(*args)</c> on <c>/jsonrpc</c> (the database service: <c>db.list</c>, <c>db.create_database</c>...),
    /// sent once. <paramref name="writeArguments"/> writes the positional arguments into the open <c>args</c> array.
    /// </summary>
    internal async Task<T> CallServiceAsync<T>(string service, string method, Action<Utf8JsonWriter> writeArguments, OdooResultReader<T> reader, CallInfo info, CancellationToken cancellationToken)
    {
        using var body = new PooledBuffer(256);
        WriteServiceCall(body, service, method, writeArguments);
        using var answer = await _http.SendAsync(HttpMethod.Post, "jsonrpc", body, null, null, info, cancellationToken).ConfigureAwait(false);
        return ReadEnvelope(answer, reader, info);
    }

    /// <summary>Writes <c>{"jsonrpc": "2.0", "method": "call", "params": {"service": .., "method": .., "args": [...]}, "id": n}</c>.</summary>
    internal void WriteServiceCall(PooledBuffer body, string service, string method, Action<Utf8JsonWriter> writeArguments)
    {
        using var w = new Utf8JsonWriter(body, OdooWire.WriterOptions);
        WriteEnvelopeStart(w, service, method);
        writeArguments(w);
        WriteEnvelopeEnd(w);
    }
}
