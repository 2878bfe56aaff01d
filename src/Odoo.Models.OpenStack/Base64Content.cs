using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using Odoo.Transport;

namespace Odoo.Models.OpenStack;

/// <summary>
/// File contents read from a stream into pooled chunks and written into the request as one base64
/// JSON string, without building the base64 text (or one contiguous copy) in memory first.
/// Odoo's JSON-RPC needs the whole value in one request body, so the raw bytes are buffered; on
/// .NET 10 they are written chunk by chunk (<see cref="Utf8JsonWriter"/> base64 segments).
/// </summary>
internal sealed class Base64Content : IOdooJsonWritable, IDisposable
{
    // A multiple of 3, so every chunk but the last encodes to whole base64 quads.
    private const int ChunkSize = 3 * 16 * 1024;

    private readonly List<(byte[] Buffer, int Length)> _chunks = [];
    private bool _disposed;

    private Base64Content()
    {
    }

    /// <summary>The number of content bytes.</summary>
    public long Length { get; private set; }

    /// <summary>The SHA-1 of the contents, lowercase hexadecimal (what Odoo stores as <c>checksum</c>).</summary>
    public string Sha1 { get; private set; } = "";

    /// <summary>Reads <paramref name="stream"/> to its end.</summary>
    public static async Task<Base64Content> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var content = new Base64Content();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        try
        {
            while (true)
            {
                var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
                var filled = 0;
                try
                {
                    while (filled < ChunkSize)
                    {
                        var read = await stream.ReadAsync(buffer.AsMemory(filled, ChunkSize - filled), cancellationToken).ConfigureAwait(false);
                        if (read == 0) break;
                        filled += read;
                    }
                }
                catch
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    throw;
                }
                if (filled == 0)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    break;
                }
                hash.AppendData(buffer, 0, filled);
                content._chunks.Add((buffer, filled));
                content.Length += filled;
                if (filled < ChunkSize) break;
            }
            content.Sha1 = Hex(hash.GetHashAndReset());
            return content;
        }
        catch
        {
            content.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ObjectDisposedException.ThrowIf(_disposed, this);
#if NET10_0_OR_GREATER
        if (_chunks.Count == 0)
        {
            writer.WriteStringValue(""u8);
            return;
        }
        for (var i = 0; i < _chunks.Count; i++)
        {
            writer.WriteBase64StringSegment(_chunks[i].Buffer.AsSpan(0, _chunks[i].Length), isFinalSegment: i == _chunks.Count - 1);
        }
#else
        var all = new byte[Length];
        var offset = 0;
        foreach (var (buffer, length) in _chunks)
        {
            buffer.AsSpan(0, length).CopyTo(all.AsSpan(offset));
            offset += length;
        }
        writer.WriteBase64StringValue(all);
#endif
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        foreach (var (buffer, _) in _chunks) ArrayPool<byte>.Shared.Return(buffer);
        _chunks.Clear();
    }

    /// <summary>The SHA-1 of <paramref name="data"/>, lowercase hexadecimal.</summary>
    public static string Sha1Of(ReadOnlySpan<byte> data) => Hex(SHA1.HashData(data));

    private static string Hex(byte[] hash) =>
#if NET9_0_OR_GREATER
        Convert.ToHexStringLower(hash);
#else
        Convert.ToHexString(hash).ToLowerInvariant();
#endif
}
