using System.Globalization;

namespace Odoo.Generator.Emitting;

/// <summary>A stored field's bit in the record's loaded-bits words, and the expressions that test and set it.</summary>
internal sealed class Slot
{
    public Slot(int index)
    {
        Index = index;
        Word = GeneratedNames.LoadedWord(index / 64);
        Mask = "0x" + (1UL << (index % 64)).ToString("X", CultureInfo.InvariantCulture) + "UL";
        IsLoaded = "(" + Word + " & " + Mask + ") != 0UL";
        NotLoaded = "(" + Word + " & " + Mask + ") == 0UL";
        Set = Word + " |= " + Mask + ";";
    }

    public int Index { get; }
    public string Word { get; }
    public string Mask { get; }
    public string IsLoaded { get; }
    public string NotLoaded { get; }
    public string Set { get; }
}
