using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Odoo.Docs.Tests;

/// <summary>
/// Files say what they hold: under <c>src/</c>, no file declares more than one public top-level type, a public type's
/// file is named after it (<c>Name.cs</c>, <c>Name{T}.cs</c> for a generic, <c>Name.Part.cs</c> for a part of a
/// partial type; a generic type alone in its file may also be <c>Name.cs</c>), and every file's folder matches its namespace (the project's root namespace plus the folders).
/// </summary>
public sealed class SourceLayoutTests
{
    /// <summary>
    /// Files whose namespace is someone else's on purpose: polyfills of BCL types for older targets, and the
    /// DI registration methods, which live in the namespace of IServiceCollection by the .NET convention.
    /// </summary>
    private static readonly string[] ForeignNamespaceFiles =
    [
        "src/Odoo.Generator/Model/IsExternalInit.cs",
        "src/Odoo.Generator/Model/InterpolatedStringHandlerAttributes.cs",
        "src/Odoo.Testing/Internal/LockPolyfill.cs",
        "src/Odoo.Extensions.DependencyInjection/OdooServiceCollectionExtensions.cs",
    ];

    private static IEnumerable<(string Project, string RootNamespace)> Projects() =>
        Directory.GetFiles(Path.Combine(SnippetCompiler.RepositoryRoot, "src"), "*.csproj", SearchOption.AllDirectories)
            .Select(p => (Path.GetDirectoryName(p)!, (string?)XDocument.Load(p).Descendants("RootNamespace").FirstOrDefault() ?? Path.GetFileNameWithoutExtension(p)));

    private static IEnumerable<string> SourceFiles(string project) =>
        Directory.GetFiles(project, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                     && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string Relative(string path) => Path.GetRelativePath(SnippetCompiler.RepositoryRoot, path).Replace('\\', '/');

    [Fact]
    public void Every_source_file_holds_at_most_one_public_type_named_like_the_file_in_the_folder_of_its_namespace()
    {
        var problems = new List<string>();
        var files = 0;
        foreach (var (project, rootNamespace) in Projects())
        {
            foreach (var file in SourceFiles(project))
            {
                files++;
                var relative = Relative(file);
                var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file), new CSharpParseOptions(LanguageVersion.Preview, preprocessorSymbols: ["NET10_0_OR_GREATER", "NET9_0_OR_GREATER", "NET8_0_OR_GREATER"])).GetCompilationUnitRoot();
                var namespaces = root.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().ToList();
                var members = namespaces.Count > 0 ? namespaces.SelectMany(n => n.Members) : root.Members;
                var types = members.Where(m => m is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax).ToList();
                var publicTypes = types.Where(t => t.Modifiers.Any(SyntaxKind.PublicKeyword)).ToList();
                if (publicTypes.Count > 1)
                {
                    problems.Add($"{relative}: {publicTypes.Count} public types ({string.Join(", ", publicTypes.Select(Name))}); one per file");
                }
                var stem = Path.GetFileNameWithoutExtension(file);
                foreach (var t in publicTypes)
                {
                    var name = Name(t);
                    var identifier = t is BaseTypeDeclarationSyntax b ? b.Identifier.Text : ((DelegateDeclarationSyntax)t).Identifier.Text;
                    if (stem != name && stem != identifier && !stem.StartsWith(identifier + ".", StringComparison.Ordinal))
                    {
                        problems.Add($"{relative}: declares {name}; the file should be {name}.cs");
                    }
                }
                if (namespaces.Count == 0 || ForeignNamespaceFiles.Contains(relative)) continue;
                var ns = namespaces[0].Name.ToString();
                var folder = Path.GetRelativePath(project, Path.GetDirectoryName(file)!).Replace('\\', '/');
                var expected = folder == "." ? rootNamespace : rootNamespace + "." + folder.Replace('/', '.');
                if (ns != expected) problems.Add($"{relative}: namespace {ns}, but its folder means {expected}");
            }
        }
        Assert.True(files > 100, $"Only {files} source files found under src/.");
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    private static string Name(MemberDeclarationSyntax type) => type switch
    {
        TypeDeclarationSyntax { TypeParameterList: { } p } t => t.Identifier.Text + "{" + string.Join(",", p.Parameters.Select(x => x.Identifier.Text)) + "}",
        BaseTypeDeclarationSyntax t => t.Identifier.Text,
        DelegateDeclarationSyntax { TypeParameterList: { } p } d => d.Identifier.Text + "{" + string.Join(",", p.Parameters.Select(x => x.Identifier.Text)) + "}",
        DelegateDeclarationSyntax d => d.Identifier.Text,
        _ => "?",
    };
}
