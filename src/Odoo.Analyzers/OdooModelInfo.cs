using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Odoo.Generator;

namespace Odoo.Analyzers;

/// <summary>What the analyzers know about an [OdooModel] record type: the names a string may use for its fields.</summary>
internal sealed class OdooModelInfo
{
    /// <summary>Odoo fields every record has (OdooRecord's base fields).</summary>
    private static readonly string[] BaseRemoteNames = ["id", "display_name", "create_date", "create_uid", "write_date", "write_uid"];

    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IPropertySymbol> _byName = new(StringComparer.Ordinal);

    private OdooModelInfo(INamedTypeSymbol type) => Type = type;

    public INamedTypeSymbol Type { get; }

    /// <summary>The model's own properties (the candidates of a "did you mean").</summary>
    public List<IPropertySymbol> Properties { get; } = [];

    public static bool IsModel(ITypeSymbol? type) =>
        type is INamedTypeSymbol named && HasAttribute(named, "OdooModelAttribute");

    public static OdooModelInfo? TryCreate(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol named || !IsModel(named)) return null;
        var info = new OdooModelInfo(named);
        foreach (var n in BaseRemoteNames) info._names.Add(n);
        for (var t = named; t is not null && t.SpecialType != SpecialType.System_Object; t = t.BaseType)
        {
            var own = SymbolEqualityComparer.Default.Equals(t, named) || IsModel(t);
            foreach (var member in t.GetMembers())
            {
                if (member is not IPropertySymbol p || p.IsStatic || p.IsIndexer || p.DeclaredAccessibility != Accessibility.Public) continue;
                if (HasAttribute(p, "OdooIgnoreAttribute")) continue;
                info.Add(p.Name, p);
                info.Add(Naming.ToSnakeCase(p.Name), p);
                foreach (var a in p.GetAttributes())
                {
                    var name = a.AttributeClass?.Name;
                    if (name is "OdooFieldAttribute" or "Many2OneAttribute" or "One2ManyAttribute" or "Many2ManyAttribute")
                    {
                        if (a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Value is string s) info.Add(s, p);
                    }
                    else if (name == "OdooFieldVersionAttribute" && a.ConstructorArguments.Length == 2 && a.ConstructorArguments[1].Value is string v)
                    {
                        info.Add(v, p);
                    }
                }
                if (own && !info.Properties.Contains(p)) info.Properties.Add(p);
            }
        }
        return info;
    }

    private void Add(string name, IPropertySymbol p)
    {
        _names.Add(name);
        if (!_byName.ContainsKey(name)) _byName[name] = p;
    }

    /// <summary>Whether <paramref name="name"/> (a relation path is checked by its first segment) names a field.</summary>
    public bool Knows(string name)
    {
        var dot = name.IndexOf('.');
        return _names.Contains(dot < 0 ? name : name.Substring(0, dot));
    }

    /// <summary>The property a known name maps to, if any.</summary>
    public IPropertySymbol? Find(string name) => _byName.TryGetValue(name, out var p) ? p : null;

    /// <summary>The property whose name (or Odoo name) is closest to <paramref name="name"/>, when close enough.</summary>
    public IPropertySymbol? Closest(string name)
    {
        IPropertySymbol? best = null;
        var bestDistance = int.MaxValue;
        foreach (var p in Properties)
        {
            var d = Math.Min(Distance(name, p.Name), Distance(name, Naming.ToSnakeCase(p.Name)));
            if (d < bestDistance)
            {
                best = p;
                bestDistance = d;
            }
        }
        return best is not null && bestDistance <= Math.Max(2, name.Length / 3) ? best : null;
    }

    /// <summary>Levenshtein distance, ignoring case.</summary>
    internal static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }

    internal static bool HasAttribute(ISymbol symbol, string name)
    {
        foreach (var a in symbol.GetAttributes())
        {
            if (a.AttributeClass is { Name: var n, ContainingNamespace: { Name: "Odoo", ContainingNamespace.IsGlobalNamespace: true } } && n == name) return true;
        }
        return false;
    }

}
