namespace Odoo.Generator.Fields;

/// <summary>A member an alias may point to: its name, Odoo name, metadata kind and C# type.</summary>
internal readonly struct AliasTarget
{
    public AliasTarget(string name, string remoteName, string kind, string type)
    {
        Name = name;
        RemoteName = remoteName;
        Kind = kind;
        Type = type;
    }

    public string Name { get; }
    public string RemoteName { get; }
    public string Kind { get; }
    public string Type { get; }
}
