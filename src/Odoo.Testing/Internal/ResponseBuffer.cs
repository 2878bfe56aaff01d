using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Odoo.Testing.Internal;

/// <summary>A reusable output buffer with its JSON writer.</summary>
internal sealed class ResponseBuffer
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public ResponseBuffer()
    {
        Buffer = new ArrayBufferWriter<byte>(4096);
        Writer = new Utf8JsonWriter(Buffer, WriterOptions);
    }

    public ArrayBufferWriter<byte> Buffer { get; }
    public Utf8JsonWriter Writer { get; }

    public void Reset()
    {
        Writer.Reset(Buffer);
        Buffer.ResetWrittenCount();
    }

    public ReadOnlyMemory<byte> Flush()
    {
        Writer.Flush();
        return Buffer.WrittenMemory;
    }
}

/// <summary>A small per-server pool of <see cref="ResponseBuffer"/>s.</summary>
internal sealed class ResponseBufferPool
{
    private const int MaxKeptCapacity = 16 * 1024 * 1024;
    private readonly ConcurrentBag<ResponseBuffer> _items = [];

    public ResponseBuffer Rent()
    {
        if (_items.TryTake(out var b)) return b;
        return new ResponseBuffer();
    }

    public void Return(ResponseBuffer b)
    {
        if (b.Buffer.Capacity > MaxKeptCapacity || _items.Count >= 16) return;
        b.Reset();
        _items.Add(b);
    }
}
