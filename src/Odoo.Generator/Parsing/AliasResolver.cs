using System;
using System.Collections.Generic;
using Odoo.Generator.Diagnostics;
using Odoo.Generator.Fields;
using Odoo.Generator.Model;

namespace Odoo.Generator.Parsing;

/// <summary>
/// Follows each <c>[FieldAlias]</c> chain to its end (a field, a generated member such as <c>PartnerId</c>, or a base
/// record member such as <c>CreateUid</c>) and records the end's Odoo name and kind; ODOO010 (missing target),
/// ODOO011 (cycle) and ODOO021 (type differs) turn the alias into a field with an error.
/// </summary>
internal static class AliasResolver
{
    public static void Resolve(List<FieldSpec> fields, Dictionary<string, LocationInfo?> locations, KnownSymbols known, string recordName, List<DiagnosticInfo> diagnostics)
    {
        var hasAlias = false;
        foreach (var f in fields) hasAlias |= f is AliasField;
        if (!hasAlias) return;

        var byName = new Dictionary<string, FieldSpec>(StringComparer.Ordinal);
        foreach (var f in fields) byName[f.Name] = f;
        var generated = new Dictionary<string, AliasTarget>(StringComparer.Ordinal);
        foreach (var f in fields)
        {
            foreach (var g in f.AliasTargets()) generated[g.Name] = g;
        }
        var baseMembers = known.BaseRecordMembers;

        var inReportedCycle = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i] is not AliasField f) continue;
            var chain = new List<string> { f.Name };
            var current = f;
            while (true)
            {
                var target = current.Target;
                if (chain.Contains(target))
                {
                    chain.Add(target);
                    if (!inReportedCycle.Contains(f.Name))
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.AliasCycle, locations[f.Name], recordName, string.Join(" -> ", chain)));
                        foreach (var c in chain) inReportedCycle.Add(c);
                    }
                    fields[i] = f.AsInvalid();
                    break;
                }
                chain.Add(target);
                string? remote = null, kind = null, targetType = null;
                if (byName.TryGetValue(target, out var tf))
                {
                    if (tf is AliasField next)
                    {
                        current = next;
                        continue;
                    }
                    (remote, kind) = tf.HasMetadata ? (tf.RemoteName, tf.MetadataKind) : ("", "Json");
                    targetType = tf.TypeDisplay;
                }
                else if (generated.TryGetValue(target, out var g) || baseMembers.TryGetValue(target, out g))
                {
                    (remote, kind, targetType) = (g.RemoteName, g.Kind, g.Type);
                }
                if (remote is null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.AliasTargetMissing, locations[f.Name], recordName, f.Name, target));
                    fields[i] = f.AsInvalid();
                }
                else if (targetType != f.TypeDisplay && chain.Count == 2)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.AliasTypeMismatch, locations[f.Name], recordName, f.Name, f.TypeShort, target, targetType!.Replace("global::", "")));
                    fields[i] = f.AsInvalid();
                }
                else
                {
                    fields[i] = f with { ResolvedRemoteName = remote, ResolvedKind = kind };
                }
                break;
            }
        }
    }
}
