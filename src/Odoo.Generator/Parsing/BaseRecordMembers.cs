using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Odoo.Generator.Fields;

namespace Odoo.Generator.Parsing;

/// <summary>
/// The fields every record inherits from <c>OdooRecord</c> (<c>Id</c>, <c>DisplayName</c>, <c>CreateUid</c>...), read from
/// its symbol, as alias targets: the Odoo name is the property's snake_case name, except that an <c>XName</c> beside an
/// <c>XUid</c> is the name half of the many2one <c>x_uid</c> (both are then of kind Many2One).
/// </summary>
internal static class BaseRecordMembers
{
    public static Dictionary<string, AliasTarget> Read(INamedTypeSymbol? odooRecord)
    {
        var result = new Dictionary<string, AliasTarget>(StringComparer.Ordinal);
        if (odooRecord is null) return result;
        var properties = new Dictionary<string, IPropertySymbol>(StringComparer.Ordinal);
        foreach (var m in odooRecord.GetMembers())
        {
            if (m is IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public } p) properties[p.Name] = p;
        }
        foreach (var p in properties.Values)
        {
            var type = TypeDisplays.Of(p).Full;
            var uid = p.Name.EndsWith("Name", StringComparison.Ordinal) ? p.Name.Substring(0, p.Name.Length - 4) + "Uid" : null;
            var pairedUid = uid is not null && properties.ContainsKey(uid);
            var isUid = p.Name.EndsWith("Uid", StringComparison.Ordinal) && properties.ContainsKey(p.Name.Substring(0, p.Name.Length - 3) + "Name");
            var remote = Naming.ToSnakeCase(pairedUid ? uid! : p.Name);
            var kind = pairedUid || isUid ? "Many2One" : KindOf(p.Type);
            result[p.Name] = new AliasTarget(p.Name, remote, kind, type);
        }
        return result;
    }

    private static string KindOf(ITypeSymbol t)
    {
        if (t is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } n) t = n.TypeArguments[0];
        return t.SpecialType switch
        {
            SpecialType.System_Int32 or SpecialType.System_Int64 => "Integer",
            SpecialType.System_String => "Char",
            SpecialType.System_DateTime => "DateTime",
            SpecialType.System_Boolean => "Boolean",
            _ => "Json",
        };
    }
}
