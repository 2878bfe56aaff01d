using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Odoo.Generator.Model;

/// <summary>Where a diagnostic goes, as plain data.</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    /// <summary>
    /// The location in <paramref name="compilation"/>'s syntax tree of <see cref="FilePath"/>, so <c>#pragma warning</c>
    /// and <c>.editorconfig</c> severities apply to it; a file location when the tree is not there (or no compilation is given).
    /// </summary>
    public Location ToLocation(Compilation? compilation = null)
    {
        if (compilation is not null)
        {
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (tree.FilePath == FilePath && Span.End <= tree.Length) return Location.Create(tree, Span);
            }
        }
        return Location.Create(FilePath, Span, LineSpan);
    }

    public static LocationInfo? From(Location? location) =>
        location?.SourceTree is null ? null : new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
}
