using System;

namespace Odoo.Generator.Emitting;

/// <summary>
/// Names of the private members OdooGen generates in a record. Every per-field name is a prefix
/// from a prefix-free set (<c>__f_</c>, <c>__id_</c>, <c>__ids_</c>...) followed by the property name,
/// so two generated names can only be equal when both the prefix and the property are equal: no
/// property name (<c>PName</c>, <c>PId</c>, <c>ReadP</c>...) can produce another field's member. The
/// record-level names (<c>__loaded0</c>, <c>__CreateMetadata</c>, <c>__Manager</c>) start with none of the prefixes.
/// The only remaining clash is a member the user declares with such a name, which the parser
/// reports as ODOO015.
/// </summary>
internal static class GeneratedNames
{
    /// <summary>The value of a plain field.</summary>
    public static string Value(string property) => "__f_" + property;

    /// <summary>A selection key that no enum member maps to.</summary>
    public static string UnknownKey(string property) => "__u_" + property;

    /// <summary>The id half of a many2one pair.</summary>
    public static string Id(string property) => "__id_" + property;

    /// <summary>The name half of a many2one pair.</summary>
    public static string Name(string property) => "__nm_" + property;

    /// <summary>The relation cache slot.</summary>
    public static string Slot(string property) => "__slot_" + property;

    /// <summary>The ids of an x2many.</summary>
    public static string Ids(string property) => "__ids_" + property;

    /// <summary>The static id accessor of a many2one (for batched loads).</summary>
    public static string GetId(string property) => "__getid_" + property;

    /// <summary>The static ids accessor of an x2many (for batched loads).</summary>
    public static string GetIds(string property) => "__getids_" + property;

    /// <summary>The static slot accessor of a relation.</summary>
    public static string GetSlot(string property) => "__getslot_" + property;

    /// <summary>The selection key reader of an enum field.</summary>
    public static string Read(string property) => "__read_" + property;

    /// <summary>The enum-to-key mapping of an enum field.</summary>
    public static string Key(string property) => "__key_" + property;

    /// <summary>The loaded-bits word <paramref name="index"/>.</summary>
    public static string LoadedWord(int index) => "__loaded" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The metadata factory.</summary>
    public const string CreateMetadata = "__CreateMetadata";

    /// <summary>The nested manager of a record that is not visible outside its containing types (it gets no public manager).</summary>
    public const string Manager = "__Manager";

    private static readonly string[] Prefixes = { "__f_", "__u_", "__id_", "__nm_", "__slot_", "__ids_", "__getid_", "__getids_", "__getslot_", "__read_", "__key_" };

    /// <summary>Whether <paramref name="name"/> is a record-level generated name (<c>__loaded</c> + digits, <c>__CreateMetadata</c>, <c>__Manager</c>).</summary>
    public static bool IsRecordLevel(string name)
    {
        if (name == CreateMetadata || name == Manager) return true;
        if (!name.StartsWith("__loaded", StringComparison.Ordinal) || name.Length == 8) return false;
        for (var i = 8; i < name.Length; i++)
        {
            if (name[i] < '0' || name[i] > '9') return false;
        }
        return true;
    }

    /// <summary>The property whose generated member <paramref name="name"/> could be, if it has a per-field prefix.</summary>
    public static string? PropertyOf(string name)
    {
        if (name.Length < 4 || name[0] != '_' || name[1] != '_') return null;
        foreach (var p in Prefixes)
        {
            if (name.Length > p.Length && name.StartsWith(p, StringComparison.Ordinal)) return name.Substring(p.Length);
        }
        return null;
    }
}
