namespace Odoo.Testing.Internal;

/// <summary>The defined models and the methods registered on them.</summary>
internal sealed class SchemaRegistry
{
    public Dictionary<string, ModelTable> Models { get; } = new(StringComparer.Ordinal);
    public Dictionary<(string Model, string Method), MethodRegistration> Methods { get; } = [];

    /// <summary>Bumped on every (re)definition, so caches know when to rebuild.</summary>
    public long Version { get; private set; }

    public ModelTable? TryTable(string model) => Models.GetValueOrDefault(model);

    public ModelTable Table(string model)
        => Models.GetValueOrDefault(model) ?? throw OdooServerError.UserError($"Object {model} doesn't exist");

    /// <summary>Defines a model, or redefines it keeping its records.</summary>
    public void Define(OdooModelSchema schema)
    {
        var table = new ModelTable(schema);
        if (Models.TryGetValue(schema.Name, out var previous)) table.AdoptRows(previous);
        Models[schema.Name] = table;
        Version++;
    }
}
