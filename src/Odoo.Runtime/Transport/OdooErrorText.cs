using System.Text.RegularExpressions;

namespace Odoo.Transport;

/// <summary>
/// Reads what Odoo's error messages say (database, field, value), for <see cref="OdooServerErrors"/>. The
/// patterns are Odoo 18's and PostgreSQL's words, recorded in tests/Odoo.Runtime.Tests/WireSamples 60-75.
/// </summary>
internal static partial class OdooErrorText
{
    /// <summary><c>connection to server at "127.0.0.1", port 5432 failed: FATAL:  database "x" does not exist</c>.</summary>
    [GeneratedRegex("database \"(?<db>[^\"]*)\" does not exist", RegexOptions.CultureInvariant)]
    private static partial Regex DatabaseDoesNotExist();

    /// <summary><c>Invalid field 'x' on model 'res.partner'</c> (fields, order, values).</summary>
    [GeneratedRegex(@"^Invalid field '(?<field>[^']+)' on model '(?<model>[^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex InvalidFieldOnModel();

    /// <summary><c>Invalid field res.partner.x in leaf ('x', '=', 1)</c> (Odoo 18 domains) or <c>... in condition ...</c> (Odoo 19).</summary>
    [GeneratedRegex(@"^Invalid field (?<model>[\w.]+)\.(?<field>[^\s.]+) in (leaf|condition)", RegexOptions.CultureInvariant)]
    private static partial Regex InvalidFieldInLeaf();

    /// <summary><c>invalid literal for int() with base 10: 'abc'</c>, <c>could not convert string to float: 'abc'</c>.</summary>
    [GeneratedRegex(@"^(invalid literal for (?<type>int|float)\(\) with base \d+|could not convert string to (?<type>float)): (?<value>.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex PythonConversion();

    /// <summary><c>Wrong value for res.partner.type: 'x'</c> (selection fields).</summary>
    [GeneratedRegex(@"^Wrong value for (?<model>[\w.]+)\.(?<field>\w+): (?<value>.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex WrongSelectionValue();

    /// <summary><c>time data 'x' does not match format '%Y-%m-%d'</c> (Odoo's date and datetime conversion on write).</summary>
    [GeneratedRegex(@"^time data (?<value>'[^']*'|""[^""]*"") does not match format '(?<format>[^']*)'", RegexOptions.CultureInvariant)]
    private static partial Regex PythonTimeFormat();

    /// <summary><c>invalid input syntax for type integer: "abc"</c> (first line of a PostgreSQL data error).</summary>
    [GeneratedRegex("^invalid input (syntax for type|value for) (?<type>[\\w ]+?): \"(?<value>[^\"\\n]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex PostgresInvalidInput();

    /// <summary>A column compared with (or assigned) a quoted value in the SQL excerpt: <c>"table"."column" = 'abc'</c>.</summary>
    [GeneratedRegex("\"(?<table>\\w+)\"\\.\"(?<column>\\w+)\"\\s*(=|!=|<>|<=|>=|<|>|IN|in|LIKE|ILIKE|like|ilike)\\s*\\(?'(?<value>[^'\\n]*)'", RegexOptions.CultureInvariant)]
    private static partial Regex SqlColumnValue();

    /// <summary>PostgreSQL's words for a connection lost to a restart or shutdown.</summary>
    private static readonly string[] ConnectionLostWords =
    [
        "server closed the connection",
        "terminating connection due to administrator command",
        "connection already closed",
        "the database system is shutting down",
        "the database system is starting up",
        "the database system is in recovery mode",
        "ssl connection has been closed unexpectedly",
        "could not connect to server",
        "connection refused",
        "no connection to the server",
    ];

    /// <summary>The database a "does not exist" message names, or <see langword="null"/> when the message is not that.</summary>
    public static string? MissingDatabase(string name, string message)
    {
        if (!name.EndsWith("OperationalError", StringComparison.Ordinal)) return null;
        var m = DatabaseDoesNotExist().Match(message);
        return m.Success ? m.Groups["db"].Value : null;
    }

    /// <summary>Whether the session login answered that its database does not exist (or is filtered out).</summary>
    public static bool IsSessionDatabaseNotFound(string name, string message) =>
        name.EndsWith("AccessError", StringComparison.Ordinal) && message.StartsWith("Database not found", StringComparison.Ordinal);

    /// <summary>Whether Odoo's database connection was lost to a restart or shutdown (psycopg2's InterfaceError, or an OperationalError saying so).</summary>
    public static bool IsConnectionLost(string name, string message)
    {
        if (name is "psycopg2.InterfaceError" or "psycopg2.errors.AdminShutdown" or "psycopg2.errors.CannotConnectNow" or "psycopg2.errors.CrashShutdown") return true;
        if (!name.StartsWith("psycopg2.", StringComparison.Ordinal) || !name.EndsWith("OperationalError", StringComparison.Ordinal)) return false;
        foreach (var words in ConnectionLostWords)
        {
            if (message.Contains(words, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    /// <summary>The model and field of an "Invalid field" message, or <see langword="null"/>.</summary>
    public static (string Model, string Field)? UnknownField(string name, string message)
    {
        if (name is not ("builtins.ValueError" or "ValueError" or "builtins.KeyError")) return null;
        var m = InvalidFieldOnModel().Match(message);
        if (!m.Success) m = InvalidFieldInLeaf().Match(message);
        return m.Success ? (m.Groups["model"].Value, m.Groups["field"].Value) : null;
    }

    /// <summary>
    /// What an invalid-value message says: the field (when named), the value and the expected type, and a
    /// description without SQL; <see langword="null"/> when the error is not about a value.
    /// </summary>
    public static (string? Field, string? Value, string? Type, string Description)? InvalidValue(string name, string message)
    {
        if (name is "builtins.ValueError" or "ValueError" or "builtins.TypeError")
        {
            var c = PythonConversion().Match(message);
            if (c.Success)
            {
                var type = c.Groups["type"].Value == "int" ? "integer" : "float";
                var value = Unquote(c.Groups["value"].Value.Trim());
                return (null, value, type, $"the value '{value}' is not a valid {type}");
            }
            var t = PythonTimeFormat().Match(message);
            if (t.Success)
            {
                var type = t.Groups["format"].Value.Contains("%H", StringComparison.Ordinal) ? "datetime" : "date";
                var value = Unquote(t.Groups["value"].Value);
                return (null, value, type, $"the value '{value}' is not a valid {type} ({t.Groups["format"].Value})");
            }
            var s = WrongSelectionValue().Match(message);
            if (s.Success)
            {
                var value = Unquote(s.Groups["value"].Value.Trim());
                return (s.Groups["field"].Value, value, "selection", $"'{value}' is not a key of the selection field {s.Groups["model"].Value}.{s.Groups["field"].Value}");
            }
            return null;
        }
        if (!name.StartsWith("psycopg2.", StringComparison.Ordinal)) return null;
        var isDataError = name is "psycopg2.DataError" or "psycopg2.errors.InvalidTextRepresentation" or "psycopg2.errors.InvalidDatetimeFormat"
            or "psycopg2.errors.DatetimeFieldOverflow" or "psycopg2.errors.NumericValueOutOfRange" or "psycopg2.errors.InvalidParameterValue"
            or "psycopg2.errors.StringDataRightTruncation" or "psycopg2.errors.InvalidBinaryRepresentation" or "psycopg2.errors.DataException";
        if (!isDataError) return null;
        var firstLine = message.Split('\n', 2)[0].Trim();
        var p = PostgresInvalidInput().Match(firstLine);
        string? field = null, val = null, expected = null;
        if (p.Success)
        {
            val = p.Groups["value"].Value;
            expected = p.Groups["type"].Value;
        }
        // The column is named only when the excerpt compares it with the very value PostgreSQL refused.
        if (val is not null)
        {
            foreach (Match m in SqlColumnValue().Matches(message))
            {
                if (m.Groups["value"].Value != val) continue;
                field = m.Groups["column"].Value;
                break;
            }
        }
        var description = p.Success
            ? $"the value '{val}' is not a valid {expected}" + (field is null ? "" : $" (compared with or assigned to the column '{field}')")
            : firstLine;
        return (field, val, expected, description);
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '\'' && value[^1] == '\'' || value[0] == '"' && value[^1] == '"') ? value[1..^1] : value;
}
