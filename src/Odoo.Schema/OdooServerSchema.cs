using System.Globalization;
using System.Text.Json;

namespace Odoo.Schema;

/// <summary>Reads model descriptions from a live server: <c>fields_get</c> and <c>ir.model</c>.</summary>
public static class OdooServerSchema
{
    /// <summary>The <c>fields_get</c> attributes read.</summary>
    public static readonly IReadOnlyList<string> FieldAttributes = ["string", "help", "type", "required", "readonly", "relation", "selection", "store", "related", "depends"];

    /// <summary>Reads one model's fields.</summary>
    /// <param name="client">A connected client.</param>
    /// <param name="model">The model name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The model (without a description; see <see cref="ReadDescriptionsAsync"/>).</returns>
    /// <exception cref="OdooModelNotFoundException">The server has no such model.</exception>
    public static async Task<OdooServerModel> ReadModelAsync(OdooClient client, string model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(model);
        JsonElement fields;
        try
        {
            fields = await client.Model(model).FieldsGetAsync(FieldAttributes, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (OdooServerException ex) when (MeansUnknownModel(ex, model))
        {
            throw new OdooModelNotFoundException(model, client.BaseUrl, ex);
        }
        return new OdooServerModel(model, null, OdooServerField.ParseFieldsGet(fields));
    }

    /// <summary>
    /// Reads the descriptions (<c>ir.model</c> <c>name</c>) of models, in one call. Returns what it
    /// can: an empty map when <c>ir.model</c> is not readable.
    /// </summary>
    /// <param name="client">A connected client.</param>
    /// <param name="models">The model names.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public static async Task<IReadOnlyDictionary<string, string>> ReadDescriptionsAsync(OdooClient client, IEnumerable<string> models, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(models);
        var names = models.Distinct(StringComparer.Ordinal).ToArray();
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (names.Length == 0) return result;
        try
        {
            var rows = await client.Model("ir.model").SearchReadAsync(
                new object[] { new object[] { "model", "in", names } }, ["model", "name"], cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var row in rows)
            {
                if (row.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String
                    && row.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String && n.GetString() is { Length: > 0 } desc)
                {
                    result[m.GetString()!] = desc;
                }
            }
        }
        catch (OdooServerException)
        {
            // ir.model is not readable by this user (or not there): descriptions are optional.
        }
        return result;
    }

    /// <summary>
    /// Reads which installed modules define each field of a model (<c>ir.model.fields</c> <c>modules</c>,
    /// computed from the fields' external ids), in one call.
    /// </summary>
    /// <param name="client">A connected client.</param>
    /// <param name="model">The model name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Field name → modules (empty for fields no module defines).</returns>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ReadFieldModulesAsync(OdooClient client, string model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(model);
        var rows = await client.Model("ir.model.fields").SearchReadAsync(
            new object[] { new object[] { "model", "=", model } }, ["name", "modules"], cancellationToken: cancellationToken).ConfigureAwait(false);
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (!row.TryGetProperty("name", out var n) || n.ValueKind != JsonValueKind.String) continue;
            var modules = row.TryGetProperty("modules", out var m) && m.ValueKind == JsonValueKind.String
                ? m.GetString()!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [];
            result[n.GetString()!] = modules;
        }
        return result;
    }

    /// <summary>Whether a server error says the model does not exist.</summary>
    /// <param name="ex">The error.</param>
    /// <param name="model">The model asked for.</param>
    public static bool MeansUnknownModel(OdooServerException ex, string model)
    {
        ArgumentNullException.ThrowIfNull(ex);
        // The session route (/web/dataset/call_kw) answers werkzeug's NotFound for a model the registry lacks.
        if (ex is OdooNotFoundException && ex.Model == model && ex.ExceptionName == "werkzeug.exceptions.NotFound") return true;
        var text = ex.ServerMessage;
        if (text.Contains(model, StringComparison.Ordinal)
            && (text.Contains("doesn't exist", StringComparison.OrdinalIgnoreCase) || text.Contains("does not exist", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }
        // Old servers answer a KeyError naming the model.
        return ex.ExceptionName.EndsWith("KeyError", StringComparison.Ordinal) && text.Contains(model, StringComparison.Ordinal);
    }
}
