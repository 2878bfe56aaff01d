using System.Linq;
using Microsoft.CodeAnalysis;
using Odoo.Generator.Model;

namespace Odoo.Generator.Diagnostics;

/// <summary>
/// A diagnostic to report, as plain equatable data: the descriptor itself (never an id looked up later), where it
/// goes and its message arguments.
/// </summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments) =>
        new(descriptor, location, arguments.ToEquatableArray());

    /// <summary>The diagnostic, located in <paramref name="compilation"/>'s syntax tree when it has the file.</summary>
    public Diagnostic ToDiagnostic(Compilation? compilation) =>
        Diagnostic.Create(Descriptor, Location?.ToLocation(compilation) ?? Microsoft.CodeAnalysis.Location.None, Arguments.Select(a => (object)a).ToArray());
}
