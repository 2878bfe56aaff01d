using System.Text;

namespace Odoo.Generator.Emitting;

/// <summary>
/// A small indented text writer for generated source (write text, not syntax nodes). The builder
/// is reused between files on a thread (one file is several tens of kilobytes).
/// </summary>
internal sealed class SourceWriter
{
    [System.ThreadStatic]
    private static StringBuilder? t_cached;

    private readonly StringBuilder _sb;
    private int _indent;

    public SourceWriter()
    {
        _sb = t_cached ?? new StringBuilder(64 * 1024);
        t_cached = null;
        _sb.Clear();
    }

    public void Indent() => _indent++;

    public void Unindent() => _indent--;

    public void Line(string text = "")
    {
        if (text.Length > 0) _sb.Append(' ', _indent * 4).Append(text);
        _sb.Append('\n');
    }

    /// <summary>
    /// Writes one interpolated line (<c>w.Line($"public {type} {name}")</c>) straight into the builder: the compiler
    /// prefers this overload for a non-constant interpolated string, so no line is built as a string first (the
    /// emitter writes tens of megabytes for a thousand models).
    /// </summary>
    public void Line([System.Runtime.CompilerServices.InterpolatedStringHandlerArgument("")] ref LineHandler line) => _sb.Append('\n');

    /// <summary>Opens a block whose header is an interpolated line (see <see cref="Line(ref LineHandler)"/>).</summary>
    public void Open([System.Runtime.CompilerServices.InterpolatedStringHandlerArgument("")] ref LineHandler line)
    {
        _sb.Append('\n');
        Line("{");
        _indent++;
    }

    /// <summary>Appends the parts of an interpolated line to the writer's builder, after the indentation.</summary>
    [System.Runtime.CompilerServices.InterpolatedStringHandler]
    public readonly ref struct LineHandler
    {
        private readonly StringBuilder _sb;

        public LineHandler(int literalLength, int formattedCount, SourceWriter writer)
        {
            _sb = writer._sb;
            _sb.Append(' ', writer._indent * 4);
        }

        public void AppendLiteral(string value) => _sb.Append(value);

        public void AppendFormatted(string? value) => _sb.Append(value);

        public void AppendFormatted(int value) => _sb.Append(value.ToString(System.Globalization.CultureInfo.InvariantCulture));

        public void AppendFormatted(ulong value) => _sb.Append(value.ToString(System.Globalization.CultureInfo.InvariantCulture));

        public void AppendFormatted(char value) => _sb.Append(value);
    }

    /// <summary>Writes one line made of parts (avoids building the line as a string first).</summary>
    public void Line(string a, string b, string c = "", string d = "", string e = "", string f = "")
    {
        _sb.Append(' ', _indent * 4).Append(a).Append(b).Append(c).Append(d).Append(e).Append(f).Append('\n');
    }

    public void Open(string text)
    {
        Line(text);
        Line("{");
        _indent++;
    }

    public void Close(string suffix = "")
    {
        _indent--;
        Line("}" + suffix);
    }

    /// <summary>
    /// The text written, as a <see cref="Microsoft.CodeAnalysis.Text.SourceText"/> read straight from the
    /// builder (no intermediate string: big files would land on the large object heap twice).
    /// </summary>
    public Microsoft.CodeAnalysis.Text.SourceText ToSourceText()
    {
        var reader = new StringBuilderReader(_sb);
        var text = Microsoft.CodeAnalysis.Text.SourceText.From(reader, _sb.Length, Encoding.UTF8);
        if (_sb.Capacity <= 1024 * 1024) t_cached = _sb;
        return text;
    }

    private sealed class StringBuilderReader : System.IO.TextReader
    {
        private readonly StringBuilder _sb;
        private int _position;

        public StringBuilderReader(StringBuilder sb) => _sb = sb;

        public override int Peek() => _position < _sb.Length ? _sb[_position] : -1;

        public override int Read() => _position < _sb.Length ? _sb[_position++] : -1;

        public override int Read(char[] buffer, int index, int count)
        {
            var n = System.Math.Min(count, _sb.Length - _position);
            if (n <= 0) return 0;
            _sb.CopyTo(_position, buffer, index, n);
            _position += n;
            return n;
        }
    }

    /// <summary>The text written; the builder goes back to the thread's cache.</summary>
    public override string ToString()
    {
        var text = _sb.ToString();
        if (_sb.Capacity <= 1024 * 1024) t_cached = _sb;
        return text;
    }
}
