using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Odoo.Schema;

/// <summary>How bad a drift finding is.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OdooDriftSeverity>))]
public enum OdooDriftSeverity
{
    /// <summary>Worth knowing; reads and writes still work (a selection value the server no longer offers).</summary>
    Info,
    /// <summary>Reads may fail for some records (a non-nullable declaration of a field Odoo may send as <c>false</c>).</summary>
    Warning,
    /// <summary>Reads fail or return something else (a missing field, a changed type or relation, an unknown selection value).</summary>
    Error,
}

/// <summary>What drifted.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OdooDriftKind>))]
public enum OdooDriftKind
{
    /// <summary>The server has no such model (or its module is not installed).</summary>
    ModelMissing,
    /// <summary>The server has no such field (on this version).</summary>
    FieldMissing,
    /// <summary>The field's type changed (for example many2one to many2many, or char to integer).</summary>
    TypeChanged,
    /// <summary>The relation's target model changed.</summary>
    RelationChanged,
    /// <summary>The declaration is non-nullable, but Odoo does not require the field, so it may send <c>false</c>.</summary>
    NullableUnsafe,
    /// <summary>
    /// The declaration is non-nullable and Odoo does not require the field, but fills it itself: a related
    /// field, or a read-only one that is computed or has a default. It is <c>false</c> only when its source is.
    /// </summary>
    NullableAssumed,
    /// <summary>The server offers a selection value the declared enum has no member for.</summary>
    SelectionValueNotCovered,
    /// <summary>The declared enum has a member for a selection value the server no longer offers.</summary>
    SelectionValueRemoved,
}

/// <summary>One difference between a declaration and the server.</summary>
public sealed record OdooDriftFinding
{
    /// <summary>The Odoo model.</summary>
    public required string Model { get; init; }

    /// <summary>The declaring C# record (fully qualified).</summary>
    public required string RecordType { get; init; }

    /// <summary>The Odoo field, when the finding is about one.</summary>
    public string? Field { get; init; }

    /// <summary>The C# property, when the finding is about one.</summary>
    public string? Property { get; init; }

    /// <summary>What drifted.</summary>
    public required OdooDriftKind Kind { get; init; }

    /// <summary>How bad it is.</summary>
    public required OdooDriftSeverity Severity { get; init; }

    /// <summary>What the declaration says (for example <c>many2one -&gt; res.partner</c>).</summary>
    public string? Declared { get; init; }

    /// <summary>What the server says.</summary>
    public string? Server { get; init; }

    /// <summary>One sentence saying what is wrong and what to do.</summary>
    public required string Message { get; init; }
}

/// <summary>The result of comparing declarations with a server (<see cref="OdooSchemaChecker"/>).</summary>
public sealed record OdooDriftReport
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Creates a report.</summary>
    /// <param name="findings">The findings.</param>
    /// <param name="modelsChecked">How many declarations were compared.</param>
    /// <param name="fieldsChecked">How many declared fields were compared.</param>
    public OdooDriftReport(IReadOnlyList<OdooDriftFinding> findings, int modelsChecked, int fieldsChecked)
    {
        ArgumentNullException.ThrowIfNull(findings);
        Findings = findings;
        ModelsChecked = modelsChecked;
        FieldsChecked = fieldsChecked;
    }

    /// <summary>The findings, by model, then field.</summary>
    public IReadOnlyList<OdooDriftFinding> Findings { get; }

    /// <summary>How many declarations were compared.</summary>
    public int ModelsChecked { get; }

    /// <summary>How many declared fields were compared.</summary>
    public int FieldsChecked { get; }

    /// <summary>The server version compared with, when known.</summary>
    public string? ServerVersion { get; init; }

    /// <summary>Whether nothing was found.</summary>
    public bool IsClean => Findings.Count == 0;

    /// <summary>Whether some finding is an <see cref="OdooDriftSeverity.Error"/>.</summary>
    public bool HasErrors => Findings.Any(f => f.Severity == OdooDriftSeverity.Error);

    /// <summary>Whether some finding is at least <paramref name="severity"/>.</summary>
    /// <param name="severity">The threshold.</param>
    public bool HasFindings(OdooDriftSeverity severity) => Findings.Any(f => f.Severity >= severity);

    /// <summary>The findings of one model.</summary>
    /// <param name="model">The Odoo model.</param>
    public IEnumerable<OdooDriftFinding> For(string model) => Findings.Where(f => f.Model == model);

    /// <summary>The report as JSON (camelCase; enums as names), for CI.</summary>
    public string ToJson()
    {
        var doc = new
        {
            clean = IsClean,
            serverVersion = ServerVersion,
            modelsChecked = ModelsChecked,
            fieldsChecked = FieldsChecked,
            errors = Findings.Count(f => f.Severity == OdooDriftSeverity.Error),
            warnings = Findings.Count(f => f.Severity == OdooDriftSeverity.Warning),
            infos = Findings.Count(f => f.Severity == OdooDriftSeverity.Info),
            findings = Findings,
        };
        return JsonSerializer.Serialize(doc, JsonOptions);
    }

    /// <summary>The report as an aligned text table, with a summary line.</summary>
    public string ToTable()
    {
        var sb = new StringBuilder();
        if (Findings.Count > 0)
        {
            string[] headers = ["SEVERITY", "MODEL", "FIELD", "KIND", "DECLARED", "SERVER", "MESSAGE"];
            var rows = Findings.Select(f => new[]
            {
                f.Severity.ToString().ToLowerInvariant(), f.Model, f.Field ?? "-", Kebab(f.Kind), f.Declared ?? "-", f.Server ?? "-", f.Message,
            }).ToList();
            var widths = headers.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
            void Row(string[] cells)
            {
                for (var i = 0; i < cells.Length; i++)
                {
                    if (i == cells.Length - 1) sb.Append(cells[i]);
                    else sb.Append(cells[i].PadRight(widths[i])).Append("  ");
                }
                sb.Append('\n');
            }
            Row(headers);
            foreach (var r in rows) Row(r);
            sb.Append('\n');
        }
        var errors = Findings.Count(f => f.Severity == OdooDriftSeverity.Error);
        var warnings = Findings.Count(f => f.Severity == OdooDriftSeverity.Warning);
        var infos = Findings.Count(f => f.Severity == OdooDriftSeverity.Info);
        sb.Append(string.Create(CultureInfo.InvariantCulture,
            $"{ModelsChecked} model(s), {FieldsChecked} field(s) checked{(ServerVersion is null ? "" : " against Odoo " + ServerVersion)}: "));
        sb.Append(IsClean ? "no drift." : string.Create(CultureInfo.InvariantCulture, $"{errors} error(s), {warnings} warning(s), {infos} info(s)."));
        sb.Append('\n');
        return sb.ToString();
    }

    internal static string Kebab(OdooDriftKind kind)
    {
        var s = kind.ToString();
        var sb = new StringBuilder();
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsUpper(s[i]) && i > 0) sb.Append('-');
            sb.Append(char.ToLowerInvariant(s[i]));
        }
        return sb.ToString();
    }
}
