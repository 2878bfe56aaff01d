using System;
using System.Collections.Generic;
using System.Linq;
using Odoo.Generator.Diagnostics;
using Odoo.Generator.Model;

namespace Odoo.Generator.Parsing;

/// <summary>The checks across the assembly's models: ODOO007 (a model declared twice) and ODOO020 (two managers, one client property).</summary>
internal static class CrossModelCheck
{
    /// <summary>
    /// Finds duplicate models and client properties across the assembly. An unexpected exception becomes
    /// ODOO999 on the first declaration (with what was found before it), so the check never silently passes.
    /// </summary>
    public static EquatableArray<DiagnosticInfo> Run(EquatableArray<ModelIdentity> identities)
    {
        var result = new List<DiagnosticInfo>();
        try
        {
            var ordered = identities.OrderBy(i => i.DisplayName, StringComparer.Ordinal).ToList();
            var roots = new Dictionary<string, ModelIdentity>(StringComparer.Ordinal);
            foreach (var id in ordered)
            {
                if (id.ExtendsBase) continue;
                if (roots.TryGetValue(id.ModelName, out var first))
                {
                    result.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateModel, id.Location, id.ModelName, first.DisplayName, id.DisplayName));
                }
                else
                {
                    roots[id.ModelName] = id;
                }
            }
            var props = new Dictionary<string, ModelIdentity>(StringComparer.Ordinal);
            foreach (var id in ordered)
            {
                if (id.ClientProperty.Length == 0) continue;
                var key = id.Namespace + "|" + id.ClientProperty;
                if (props.TryGetValue(key, out var first))
                {
                    result.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateClientProperty, id.Location, first.DisplayName, id.DisplayName, id.ClientProperty, id.Namespace.Length == 0 ? "(global)" : id.Namespace));
                }
                else
                {
                    props[key] = id;
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            result.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, FirstLocation(identities), "the checks across models (ODOO007 duplicate model, ODOO020 duplicate client property; not completed)", OdooGenerator.Describe(ex)));
        }
        return result.ToEquatableArray();
    }

    /// <summary>
    /// The location of the first declaration (by display name), where failures not tied to one declaration are
    /// reported; <see langword="null"/> when there is none. Never throws.
    /// </summary>
    public static LocationInfo? FirstLocation(EquatableArray<ModelIdentity> identities)
    {
        ModelIdentity? first = null;
        foreach (var id in identities)
        {
            if (id?.Location is null) continue;
            if (first is null || string.CompareOrdinal(id.DisplayName, first.DisplayName) < 0) first = id;
        }
        return first?.Location;
    }
}
