using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Odoo.Generator.Diagnostics;
using Odoo.Generator.Emitting;
using Odoo.Generator.Fields;
using Odoo.Generator.Model;

namespace Odoo.Generator.Parsing;

/// <summary>
/// ODOO008 (two fields on one Odoo name) and ODOO015 (a property, or a member generated for it, takes a name that is
/// OdooGen's, the base record's, or already used); each turns the field into one with an error.
/// </summary>
internal static class NameChecks
{
    public static void Check(List<FieldSpec> fields, Dictionary<string, LocationInfo?> locations, HashSet<string> declaredHere, HashSet<string> inherited, string recordName, List<DiagnosticInfo> diagnostics)
    {
        void Fail(int i, DiagnosticDescriptor descriptor, params string[] args)
        {
            diagnostics.Add(DiagnosticInfo.Create(descriptor, locations[fields[i].Name], args));
            fields[i] = fields[i].AsInvalid();
        }

        // Two real fields on one Odoo name.
        var byRemote = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Count; i++)
        {
            var f = fields[i];
            if (!f.IsStored) continue;
            if (byRemote.TryGetValue(f.RemoteName, out var other))
            {
                Fail(i, DiagnosticDescriptors.DuplicateRemoteField, recordName, other, f.Name, f.RemoteName);
                continue;
            }
            byRemote[f.RemoteName] = f.Name;
        }

        // Private generated members are "__{prefix}_{Property}" (see GeneratedNames): they can only
        // clash with a member declared by hand under such a name.
        HashSet<string>? privateClashes = null;
        foreach (var n in declaredHere)
        {
            if (GeneratedNames.PropertyOf(n) is { } p && locations.ContainsKey(p)) (privateClashes ??= new HashSet<string>(StringComparer.Ordinal)).Add(p);
        }

        // Public generated members must not clash with anything.
        var generatedNames = new HashSet<string>(StringComparer.Ordinal);
        var mine = new List<string>();
        for (var i = 0; i < fields.Count; i++)
        {
            var f = fields[i];
            if (f is InvalidField) continue;
            if (ReservedNames.IsGenerated(f.Name) || inherited.Contains(f.Name))
            {
                Fail(i, DiagnosticDescriptors.MemberNameCollision, recordName, f.Name, f.Name, "[OdooField(\"...\")] on a property with another name (the name belongs to OdooGen or to a base record)");
                continue;
            }
            if (privateClashes is not null && privateClashes.Contains(f.Name))
            {
                var member = FirstPrivateClash(declaredHere, f.Name);
                Fail(i, DiagnosticDescriptors.MemberNameCollision, recordName, member, f.Name, "another name for the member '" + member + "' (names starting with '__' followed by a generated prefix are OdooGen's)");
                continue;
            }
            mine.Clear();
            string? bad = null, how = null;
            foreach (var (name, howToRename) in f.GeneratedMembers())
            {
                if (Clashes(name) || mine.Contains(name))
                {
                    (bad, how) = (name, howToRename);
                    break;
                }
                mine.Add(name);
            }
            if (bad is not null)
            {
                Fail(i, DiagnosticDescriptors.MemberNameCollision, recordName, bad, f.Name, how!);
                continue;
            }
            foreach (var n in mine) generatedNames.Add(n);
        }

        bool Clashes(string n) =>
            !SyntaxFacts.IsValidIdentifier(n) || declaredHere.Contains(n) || inherited.Contains(n) || generatedNames.Contains(n)
            || ReservedNames.IsGenerated(n) || GeneratedNames.IsRecordLevel(n) || GeneratedNames.PropertyOf(n) is not null;
    }

    private static string FirstPrivateClash(HashSet<string> declaredHere, string property)
    {
        var best = "";
        foreach (var n in declaredHere)
        {
            if (GeneratedNames.PropertyOf(n) == property && (best.Length == 0 || string.CompareOrdinal(n, best) < 0)) best = n;
        }
        return best;
    }
}
