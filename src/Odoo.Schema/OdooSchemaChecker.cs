using System.Text.Json;
using Odoo.Metadata;
using Odoo.Transport;

namespace Odoo.Schema;

/// <summary>
/// Compares declared models (their generated <see cref="OdooModelMetadata"/>) with a server's
/// <c>fields_get</c>: missing fields, changed types and relation targets, non-nullable declarations
/// of fields Odoo may send as <c>false</c>, and selection values the enums do not cover. Use it at a
/// service's startup or in a test suite; <c>odoogen check</c> is the same check on the command line.
/// </summary>
/// <example><code>
/// var report = await OdooSchemaChecker.CheckAsync(client, [ReferralCode.Metadata, CreditType.Metadata], ct);
/// if (report.HasErrors) throw new InvalidOperationException(report.ToTable());
/// </code></example>
public static class OdooSchemaChecker
{
    /// <summary>Reads each model's <c>fields_get</c> (once per model) and compares it with the declarations.</summary>
    /// <param name="client">A connected client.</param>
    /// <param name="models">The declarations (for example <c>ReferralCode.Metadata</c>, or <see cref="OdooModelAssembly.Load"/>).</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The findings; <see cref="OdooDriftReport.IsClean"/> when there are none.</returns>
    /// <exception cref="OdooException">A call failed for another reason than a missing model (connection, access...).</exception>
    public static Task<OdooDriftReport> CheckAsync(OdooClient client, IEnumerable<OdooModelMetadata> models, CancellationToken cancellationToken = default) =>
        CheckAsync(client, models, null, cancellationToken);

    /// <summary>As <see cref="CheckAsync(OdooClient, IEnumerable{OdooModelMetadata}, CancellationToken)"/>, reporting progress before each model is read.</summary>
    /// <param name="client">A connected client.</param>
    /// <param name="models">The declarations.</param>
    /// <param name="progress">Told before each model is read (1-based index, total, model).</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public static async Task<OdooDriftReport> CheckAsync(
        OdooClient client,
        IEnumerable<OdooModelMetadata> models,
        IProgress<OdooScaffoldProgress>? progress,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(models);
        var list = models.ToList();
        var names = list.Select(m => m.ModelName).Distinct(StringComparer.Ordinal).ToList();
        var servers = new Dictionary<string, OdooServerModel?>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            progress?.Report(new OdooScaffoldProgress(i + 1, names.Count, names[i]));
            try
            {
                servers[names[i]] = await OdooServerSchema.ReadModelAsync(client, names[i], cancellationToken).ConfigureAwait(false);
            }
            catch (OdooModelNotFoundException)
            {
                servers[names[i]] = null;
            }
        }
        foreach (var m in list)
        {
            if (servers[m.ModelName] is { } server)
            {
                servers[m.ModelName] = await WithDefaultsAsync(client, m, server, client.ServerVersion, cancellationToken).ConfigureAwait(false);
            }
        }
        var findings = new List<OdooDriftFinding>();
        var fieldCount = 0;
        foreach (var m in list.OrderBy(m => m.ModelName, StringComparer.Ordinal).ThenBy(m => m.RecordType, StringComparer.Ordinal))
        {
            var server = servers[m.ModelName];
            if (server is null)
            {
                findings.Add(new OdooDriftFinding
                {
                    Model = m.ModelName,
                    RecordType = m.RecordType,
                    Kind = OdooDriftKind.ModelMissing,
                    Severity = OdooDriftSeverity.Error,
                    Message = $"Odoo has no model '{m.ModelName}' (is its module installed?); every call of {Short(m.RecordType)} fails.",
                });
                continue;
            }
            fieldCount += CheckedFields(m).Count();
            findings.AddRange(Compare(m, server, client.ServerVersion));
        }
        return new OdooDriftReport(findings, list.Count, fieldCount) { ServerVersion = client.ServerVersion.Text };
    }

    /// <summary>Compares one declaration with a model's server description (offline).</summary>
    /// <param name="model">The declaration.</param>
    /// <param name="server">The server's description of the same model.</param>
    /// <param name="version">The server version, for fields renamed by version; <see langword="null"/> when unknown.</param>
    /// <returns>The findings, in declaration order.</returns>
    public static IReadOnlyList<OdooDriftFinding> Compare(OdooModelMetadata model, OdooServerModel server, OdooVersion? version = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(server);
        var findings = new List<OdooDriftFinding>();
        foreach (var f in CheckedFields(model))
        {
            var remote = f.GetRemoteName(version);
            var s = server.Field(remote);
            OdooDriftFinding Finding(OdooDriftKind kind, OdooDriftSeverity severity, string message, string? declared = null, string? serverSays = null) => new()
            {
                Model = model.ModelName,
                RecordType = model.RecordType,
                Field = remote,
                Property = f.Name,
                Kind = kind,
                Severity = severity,
                Declared = declared,
                Server = serverSays,
                Message = message,
            };
            var declared = Describe(f);
            if (s is null)
            {
                findings.Add(Finding(OdooDriftKind.FieldMissing, OdooDriftSeverity.Error,
                    $"Odoo has no field '{remote}' on {model.ModelName}: reading {f.Name} fails; remove the property or map it to the new name ([OdooField] / [OdooFieldVersion]).",
                    declared, "(none)"));
                continue;
            }
            var serverSays = Describe(s);
            if (!Compatible(f.Kind, s.Type))
            {
                var relationSwap = f.Kind is OdooFieldKind.One2Many or OdooFieldKind.Many2Many && s.Type is "one2many" or "many2many";
                findings.Add(Finding(OdooDriftKind.TypeChanged, relationSwap ? OdooDriftSeverity.Warning : OdooDriftSeverity.Error,
                    relationSwap
                        ? $"{f.Name} is declared {Kind(f.Kind)} but Odoo now has a {s.Type}: ids still read, but change the attribute to [{(s.Type == "one2many" ? "One2Many" : "Many2Many")}]."
                        : $"{f.Name} is declared {Kind(f.Kind)} but Odoo now has a {s.Type}: reading it fails or means something else; redeclare it (odoogen scaffold {model.ModelName} shows the new shape).",
                    declared, serverSays));
                continue;
            }
            if (f.IsRelation && f.RelationModel is { Length: > 0 } target && s.Relation is { Length: > 0 } now && target != now)
            {
                findings.Add(Finding(OdooDriftKind.RelationChanged, OdooDriftSeverity.Error,
                    $"{f.Name} points to {target} but Odoo's {remote} now points to {now}: the ids are {now} ids; retarget the property.",
                    declared, serverSays));
            }
            if (!f.IsNullable && !s.Required && MaySendFalse(f.Kind, s.Type))
            {
                var clrType = (f.ClrType ?? declared).Replace("global::", "", StringComparison.Ordinal);
                if (s.FilledByOdoo)
                {
                    findings.Add(Finding(OdooDriftKind.NullableAssumed, OdooDriftSeverity.Info,
                        $"{f.Name} is non-nullable and Odoo does not require {remote}, but fills it itself: {WhenEmpty(s)}. Declare it nullable if that can happen.",
                        clrType, serverSays + ", not required, " + HowFilled(s)));
                }
                else
                {
                    findings.Add(Finding(OdooDriftKind.NullableUnsafe, OdooDriftSeverity.Warning,
                        $"{f.Name} is non-nullable but Odoo does not require {remote}, so it may send false; reading such a record fails. Declare it nullable.",
                        clrType, serverSays + ", not required"));
                }
            }
            if (f.Kind == OdooFieldKind.Selection && f.SelectionOptions.Count > 0 && s.Type == "selection" && s.Selection.Count > 0)
            {
                var declaredKeys = new HashSet<string>(f.SelectionOptions.Select(o => o.Key), StringComparer.Ordinal);
                var serverKeys = new HashSet<string>(s.Selection.Select(o => o.Key), StringComparer.Ordinal);
                var enumName = Short(f.ClrType ?? "the enum").TrimEnd('?');
                var added = s.Selection.Select(o => o.Key).Where(k => !declaredKeys.Contains(k)).ToList();
                if (added.Count > 0)
                {
                    findings.Add(Finding(OdooDriftKind.SelectionValueNotCovered, OdooDriftSeverity.Error,
                        $"Odoo's {remote} has value(s) {string.Join(", ", added.Select(k => "'" + k + "'"))} that {enumName} has no member for: reading such a record fails; add members ([OdooSelection(\"key\")]).",
                        $"{enumName} ({declaredKeys.Count} values)", "+" + string.Join(" +", added)));
                }
                var removed = f.SelectionOptions.Where(o => !serverKeys.Contains(o.Key)).Select(o => o.Key).ToList();
                if (removed.Count > 0)
                {
                    findings.Add(Finding(OdooDriftKind.SelectionValueRemoved, OdooDriftSeverity.Info,
                        $"{enumName} has member(s) for {string.Join(", ", removed.Select(k => "'" + k + "'"))}, which Odoo's {remote} no longer offers: writing them fails.",
                        $"{enumName} ({declaredKeys.Count} values)", "-" + string.Join(" -", removed)));
                }
            }
        }
        return findings;
    }

    /// <summary>
    /// Asks Odoo (<c>default_get</c>, one call) which of the fields whose check depends on it have a default:
    /// the read-only, not required, neither computed nor related fields a non-nullable property reads. Odoo
    /// fills a read-only field with a default (a status such as <c>sale.order.state</c>) on every create.
    /// When the call fails, no field is taken to have a default.
    /// </summary>
    private static async Task<OdooServerModel> WithDefaultsAsync(OdooClient client, OdooModelMetadata model, OdooServerModel server, OdooVersion? version, CancellationToken cancellationToken)
    {
        var candidates = CheckedFields(model)
            .Where(f => !f.IsNullable)
            .Select(f => (Declared: f, Server: server.Field(f.GetRemoteName(version))))
            .Where(p => p.Server is { Required: false, Readonly: true, IsComputed: false, HasDefault: false } s && MaySendFalse(p.Declared.Kind, s.Type))
            .Select(p => p.Server!.Name)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        if (candidates.Length == 0) return server;
        JsonElement defaults;
        try
        {
            // Positional on JSON-RPC: Odoo 18 names the parameter 'fields_list', but many overrides name it 'fields'.
            var call = new OdooCall(server.Name, "default_get") { Arguments = [new OdooArgument("fields", candidates)], IsReadOnly = true };
            defaults = await client.ExecuteAsync(call, (ref Utf8JsonReader r) => JsonElement.ParseValue(ref r), cancellationToken).ConfigureAwait(false);
        }
        catch (OdooServerException)
        {
            return server;
        }
        if (defaults.ValueKind != JsonValueKind.Object) return server;
        var withDefault = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in defaults.EnumerateObject())
        {
            if (p.Value.ValueKind is not (JsonValueKind.False or JsonValueKind.Null)) withDefault.Add(p.Name);
        }
        if (withDefault.Count == 0) return server;
        return server with { Fields = [.. server.Fields.Select(f => withDefault.Contains(f.Name) ? f with { HasDefault = true } : f)] };
    }

    /// <summary>How Odoo fills a field it does not require (for <see cref="OdooDriftKind.NullableAssumed"/>).</summary>
    private static string HowFilled(OdooServerField s) =>
        s.Related is { } related ? "related to " + related
        : s.Depends.Count > 0 ? "read-only, computed from " + string.Join(", ", s.Depends.Take(3)) + (s.Depends.Count > 3 ? ", ..." : "")
        : "read-only, with a default";

    /// <summary>When a field Odoo fills itself can still be empty (for <see cref="OdooDriftKind.NullableAssumed"/>).</summary>
    private static string WhenEmpty(OdooServerField s) =>
        s.Related is { } related ? $"it mirrors {related}, so it is false only when that is"
        : s.Depends.Count > 0 ? "it is computed and read-only, so it is false only when the computation leaves it empty"
        : "it is read-only with a default, so it is false only when server code clears it";

    /// <summary>The declared fields a check compares: not aliases, not the base fields every record has.</summary>
    private static IEnumerable<OdooFieldMetadata> CheckedFields(OdooModelMetadata model)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in model.Fields)
        {
            if (f.AliasOf is not null || OdooScaffolder.BaseFieldNames.Contains(f.RemoteName)) continue;
            if (OdooModelMetadata.BaseFields.Any(b => b.Name == f.Name)) continue;
            if (!seen.Add(f.Name)) continue;
            yield return f;
        }
    }

    /// <summary>Whether a declared kind reads the server's type.</summary>
    public static bool Compatible(OdooFieldKind kind, string serverType) => kind switch
    {
        OdooFieldKind.Json => true,
        OdooFieldKind.Boolean => serverType == "boolean",
        OdooFieldKind.Integer => serverType is "integer" or "many2one_reference",
        OdooFieldKind.Float => serverType is "float" or "monetary" or "integer",
        OdooFieldKind.Char => serverType is "char" or "text" or "html" or "selection" or "binary" or "reference",
        OdooFieldKind.Binary => serverType is "binary" or "char" or "text",
        OdooFieldKind.Date => serverType == "date",
        OdooFieldKind.DateTime => serverType == "datetime",
        OdooFieldKind.Selection => serverType == "selection",
        OdooFieldKind.Many2One => serverType == "many2one",
        OdooFieldKind.One2Many => serverType == "one2many",
        OdooFieldKind.Many2Many => serverType == "many2many",
        _ => false,
    };

    /// <summary>Whether Odoo sends <c>false</c> for an empty value of this field (numbers send 0, booleans false, lists []).</summary>
    private static bool MaySendFalse(OdooFieldKind kind, string serverType) =>
        kind is OdooFieldKind.Char or OdooFieldKind.Date or OdooFieldKind.DateTime or OdooFieldKind.Selection or OdooFieldKind.Many2One or OdooFieldKind.Binary
        && serverType is not ("integer" or "float" or "monetary" or "boolean" or "one2many" or "many2many");

    private static string Kind(OdooFieldKind kind) => kind switch
    {
        OdooFieldKind.Many2One => "many2one",
        OdooFieldKind.One2Many => "one2many",
        OdooFieldKind.Many2Many => "many2many",
        OdooFieldKind.DateTime => "datetime",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static string Describe(OdooFieldMetadata f) => f.IsRelation && f.RelationModel is { Length: > 0 } r ? $"{Kind(f.Kind)} -> {r}" : Kind(f.Kind);

    private static string Describe(OdooServerField s) => s.IsRelation && s.Relation is { Length: > 0 } r ? $"{s.Type} -> {r}" : s.Type;

    private static string Short(string typeName)
    {
        var t = typeName.Replace("global::", "", StringComparison.Ordinal);
        var generic = t.IndexOf('<', StringComparison.Ordinal);
        var head = generic >= 0 ? t[..generic] : t;
        var dot = head.LastIndexOf('.');
        return dot >= 0 ? t[(dot + 1)..] : t;
    }
}
