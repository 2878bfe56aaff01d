using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Odoo.Schema;

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
