using System.Buffers;

namespace Odoo.Transport;

/// <summary>
/// A growable byte buffer rented from <see cref="ArrayPool{T}.Shared"/>; cleared when returned
/// (request bodies carry credentials).
/// </summary>
internal sealed class PooledBuffer : IBufferWriter<byte>, IDisposable
{
    private byte[] _buffer;
    private int _length;

    public PooledBuffer(int initialCapacity = 1024) => _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(initialCapacity, 256));

    public int Length => _length;

    public ReadOnlyMemory<byte> Memory => _buffer.AsMemory(0, _length);

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, _length);

    public void Advance(int count)
    {
        if (count < 0 || _length + count > _buffer.Length) throw new ArgumentOutOfRangeException(nameof(count));
        _length += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_length);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_length);
    }

    /// <summary>Reads a whole stream into the buffer.</summary>
    public async Task ReadFromAsync(Stream stream, CancellationToken cancellationToken)
    {
        while (true)
        {
            Ensure(4096);
            var n = await stream.ReadAsync(_buffer.AsMemory(_length), cancellationToken).ConfigureAwait(false);
            if (n == 0) return;
            _length += n;
        }
    }

    private void Ensure(int sizeHint)
    {
        if (sizeHint < 1) sizeHint = 1;
        if (_buffer.Length - _length >= sizeHint) return;
        var needed = (long)_length + sizeHint;
        var size = Math.Max(needed, (long)_buffer.Length * 2);
        if (size > Array.MaxLength) size = needed <= Array.MaxLength ? Array.MaxLength : throw new InvalidOperationException("The body is too large.");
        var bigger = ArrayPool<byte>.Shared.Rent((int)size);
        _buffer.AsSpan(0, _length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buffer, clearArray: true);
        _buffer = bigger;
    }

    public void Dispose()
    {
        var b = _buffer;
        _buffer = [];
        _length = 0;
        if (b.Length > 0) ArrayPool<byte>.Shared.Return(b, clearArray: true);
    }
}
