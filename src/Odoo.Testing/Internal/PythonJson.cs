using System.Text;
using System.Text.Json;

namespace Odoo.Testing.Internal;

/// <summary>
/// Words a JSON parse failure like Python's <c>json.loads</c> (<c>JSONDecodeError</c>: "msg: line L column C (char N)"),
/// which Odoo 19's Json2Dispatcher.dispatch quotes: <c>f"could not parse the body as json: {exc.args[0]}"</c>.
/// "Expecting value" (nothing parsable where a value starts) and "Extra data" (text after one complete value) are
/// exact; an error inside a value is reported as "Expecting value" at the position System.Text.Json stopped,
/// which may word it differently from Python (e.g. "Expecting ',' delimiter").
/// </summary>
internal static class PythonJson
{
    public static string DecodeError(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        if (text.StartsWith('\uFEFF')) return "Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)";
        var start = SkipWhitespace(text, 0);
        if (start == text.Length || !CanStartValue(text[start])) return At("Expecting value", text, start);
        var reader = new Utf8JsonReader(bytes, isFinalBlock: true, state: default);
        try
        {
            reader.Read();
        }
        catch (JsonException)
        {
            // py_scanner: a value that does not start right (a broken literal, a bad number) is StopIteration(idx) at its start.
            return At("Expecting value", text, start);
        }
        try
        {
            reader.Skip();
            var end = Encoding.UTF8.GetCharCount(bytes, 0, (int)reader.BytesConsumed);
            var rest = SkipWhitespace(text, end);
            return At(rest < text.Length ? "Extra data" : "Expecting value", text, rest < text.Length ? rest : text.Length);
        }
        catch (JsonException ex)
        {
            return At("Expecting value", text, CharOffset(bytes, ex.LineNumber ?? 0, ex.BytePositionInLine ?? 0, text.Length));
        }
    }

    private static int CharOffset(byte[] bytes, long line, long bytePositionInLine, int max)
    {
        var offset = 0;
        for (var l = 0L; l < line && offset < bytes.Length; offset++)
            if (bytes[offset] == (byte)'\n') l++;
        var byteOffset = (int)Math.Min(bytes.Length, offset + bytePositionInLine);
        return Math.Min(max, Encoding.UTF8.GetCharCount(bytes, 0, byteOffset));
    }

    private static bool CanStartValue(char c) => c is '{' or '[' or '"' or '-' or (>= '0' and <= '9') or 't' or 'f' or 'n' or 'N' or 'I';

    private static int SkipWhitespace(string s, int i)
    {
        while (i < s.Length && s[i] is ' ' or '\t' or '\n' or '\r') i++;
        return i;
    }

    /// <summary>json.decoder.JSONDecodeError: lineno = doc.count('\n', 0, pos) + 1; colno = pos - doc.rfind('\n', 0, pos).</summary>
    private static string At(string msg, string doc, int pos)
    {
        var line = 1;
        var lastNewline = -1;
        for (var i = 0; i < pos && i < doc.Length; i++)
        {
            if (doc[i] != '\n') continue;
            line++;
            lastNewline = i;
        }
        return $"{msg}: line {line} column {pos - lastNewline} (char {pos})";
    }
}
