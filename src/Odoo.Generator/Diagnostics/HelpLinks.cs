using System.Reflection;

namespace Odoo.Generator.Diagnostics;

/// <summary>
/// The documentation page of each diagnostic: <c>docs/diagnostics/ODOOxxx.md</c> in the repository. The base URL is
/// baked in when the generator is built (assembly metadata <c>OdooGen.DiagnosticsUrl</c>, from the build's
/// <c>RepositoryUrl</c>, see Directory.Build.props); a build that does not know its repository links the page by its
/// path in the repository.
/// </summary>
internal static class HelpLinks
{
    private static readonly string Base = ReadBase();

    /// <summary>The page of diagnostic <paramref name="id"/>.</summary>
    public static string For(string id) => Base + id + ".md";

    private static string ReadBase()
    {
        foreach (var attribute in typeof(HelpLinks).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>())
        {
            if (attribute.Key == "OdooGen.DiagnosticsUrl" && !string.IsNullOrEmpty(attribute.Value))
            {
                return attribute.Value!.EndsWith("/", System.StringComparison.Ordinal) ? attribute.Value : attribute.Value + "/";
            }
        }
        return "docs/diagnostics/";
    }
}
