using System.Collections.Immutable;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Odoo.Docs.Tests;

/// <summary>One fenced C# block of a Markdown file.</summary>
/// <param name="File">The file, relative to the repository root.</param>
/// <param name="Line">The line of the opening fence (1-based).</param>
/// <param name="Code">The block's text.</param>
/// <param name="OptOut">The reason given by a <c>&lt;!-- snippet: not compiled: reason --&gt;</c> line just before the fence, or <see langword="null"/>.</param>
/// <param name="Example">Whether a <c>&lt;!-- example: name --&gt;</c> line precedes it: a region copied from a compiled
/// examples class (docs/porting-from-python.md and tests/Odoo.Models.OpenStack.Tests/Porting/PortingExamples.cs), whose
/// members it shows.</param>
public sealed record Snippet(string File, int Line, string Code, string? OptOut, bool Example = false)
{
    public override string ToString() => $"{File}:{Line}";
}

/// <summary>
/// Compiles documentation snippets as a user's project would: the SDK's implicit usings plus the global usings the
/// packages ship (read from their buildTransitive targets), the packages' assemblies, and the OdooGen generator run
/// on the snippet. A block of statements becomes top-level statements; the names it uses without declaring them
/// (<c>odoo</c>, <c>ct</c>, <c>options</c>...) are declared before it with the types the documentation means
/// (<see cref="Context"/>). Declarations compile as they are.
/// </summary>
public static partial class SnippetCompiler
{
    public const string OptOutMarker = "<!-- snippet: not compiled:";

    /// <summary>
    /// The names snippets use for what the surrounding text provides ("given a client <c>odoo</c>, a record id
    /// <c>id</c>..."), and their types. A snippet that declares the name itself does not get it.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Context = new Dictionary<string, string>
    {
        // The clients, the cancellation token, the options, the test server and the host.
        ["odoo"] = "Odoo.Models.OpenStack.OpenStackOdooClient",
        ["client"] = "Odoo.OdooClient",
        ["ct"] = "System.Threading.CancellationToken",
        ["cancellationToken"] = "System.Threading.CancellationToken",
        ["options"] = "Odoo.OdooClientOptions",
        ["server"] = "Odoo.Testing.OdooTestServer",
        ["builder"] = "Microsoft.AspNetCore.Builder.WebApplicationBuilder",
        ["app"] = "Microsoft.AspNetCore.Builder.WebApplication",
        ["services"] = "Microsoft.Extensions.DependencyInjection.IServiceCollection",
        ["configuration"] = "Microsoft.Extensions.Configuration.IConfiguration",
        ["logger"] = "Microsoft.Extensions.Logging.ILogger",
        // Record ids the text speaks of.
        ["id"] = "int", ["otherId"] = "int", ["orderId"] = "int", ["invoiceId"] = "int", ["partnerId"] = "int", ["companyId"] = "int",
        ["pricelistId"] = "int", ["creditTypeId"] = "int", ["currencyId"] = "int", ["computeId"] = "int", ["storageId"] = "int",
        ["objectStorageId"] = "int", ["firstLineId"] = "int", ["secondLineId"] = "int", ["productId"] = "int",
        // Records and values the text speaks of.
        ["code"] = "Odoo.Models.OpenStack.ReferralCode",
        ["creditType"] = "Odoo.Models.OpenStack.CreditType",
        ["customer"] = "Odoo.Models.OpenStack.Partner",
        ["project"] = "Odoo.Models.OpenStack.Project",
        ["compute"] = "Odoo.Models.OpenStack.Product", ["storage"] = "Odoo.Models.OpenStack.Product", ["floatingIp"] = "Odoo.Models.OpenStack.Product",
        ["osId"] = "string", ["input"] = "string", ["name"] = "string",
        ["csvBytes"] = "byte[]",
        ["total"] = "double",
        ["generous"] = "Odoo.Domains.OdooDomain",
        ["usage"] = "System.Collections.Generic.IReadOnlyList<(Odoo.Models.OpenStack.Product Product, string Resource, double Quantity)>",
        ["fieldsGetJson"] = "System.Text.Json.JsonElement",
    };

    /// <summary>The implicit usings of Microsoft.NET.Sdk (ImplicitUsings=enable).</summary>
    private static readonly string[] SdkUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    /// <summary>The implicit usings Microsoft.NET.Sdk.Web adds, for snippets that use <c>builder</c> or <c>app</c> (a web application).</summary>
    private static readonly string[] WebSdkUsings =
    [
        "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http",
        "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection",
        "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
    ];

    public static string RepositoryRoot { get; } =
        typeof(SnippetCompiler).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "OdooGen.RepositoryRoot").Value!;

    /// <summary>The global usings the packages add (the <c>Using</c> items of src/*/buildTransitive/*.targets).</summary>
    public static IReadOnlyList<string> PackageUsings { get; } =
        [.. Directory.GetFiles(Path.Combine(RepositoryRoot, "src"), "*.targets", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(Path.GetDirectoryName(f)) == "buildTransitive")
            .SelectMany(f => XDocument.Load(f).Descendants("Using"))
            .Select(u => (string)u.Attribute("Include")!)
            .Distinct()
            .Order(StringComparer.Ordinal)];

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    [
        .. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(p => MetadataReference.CreateFromFile(p)),
    ]);

    private static readonly Lazy<CSharpCompilation> Base = new(() =>
    {
        var compilation = CSharpCompilation.Create("Snippet", [], References.Value, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        _ = compilation.GetDiagnostics(); // binds the references once
        return compilation;
    });

    [GeneratedRegex(@"^```(csharp|cs|c#)\s*$")]
    private static partial Regex CSharpFence();

    /// <summary>README.md and every Markdown file under docs/.</summary>
    public static IReadOnlyList<Snippet> All()
    {
        var files = new[] { Path.Combine(RepositoryRoot, "README.md") }
            .Concat(Directory.GetFiles(Path.Combine(RepositoryRoot, "docs"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
        return [.. files.SelectMany(Extract)];
    }

    public static IEnumerable<Snippet> Extract(string path)
    {
        var lines = File.ReadAllLines(path);
        var relative = Path.GetRelativePath(RepositoryRoot, path).Replace('\\', '/');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!CSharpFence().IsMatch(lines[i].Trim())) continue;
            var start = i;
            var body = new StringBuilder();
            for (i++; i < lines.Length && lines[i].Trim() != "```"; i++) body.AppendLine(lines[i]);
            string? optOut = null;
            var example = start > 0 && lines[start - 1].Trim().StartsWith("<!-- example:", StringComparison.Ordinal);
            for (var j = start - 1; j >= 0 && j >= start - 2; j--)
            {
                var previous = lines[j].Trim();
                if (previous.StartsWith(OptOutMarker, StringComparison.Ordinal))
                {
                    optOut = previous[OptOutMarker.Length..].TrimEnd('-', '>', ' ').Trim();
                    break;
                }
            }
            yield return new Snippet(relative, start + 1, body.ToString(), optOut, example);
        }
    }

    /// <summary>Compiles the snippet; returns the errors (empty when it compiles).</summary>
    /// <remarks>
    /// A snippet may use the types declared by the earlier blocks of its page: when a name is missing and an earlier
    /// block declares it, that block is compiled with the snippet.
    /// </remarks>
    public static IReadOnlyList<string> Compile(Snippet snippet, IReadOnlyList<Snippet>? page = null)
    {
        var errors = CompileWith(snippet, []);
        if (errors.Count == 0 || page is null) return [.. errors.Select(e => e.ToString())];
        var missing = errors.Where(e => e.Id is "CS0246" or "CS0103").Select(e => e.GetMessage().Split('\'')[1]).ToHashSet();
        var earlier = page.Where(p => p.Line < snippet.Line && p.OptOut is null)
            .Select(p => (Snippet: p, Root: CSharpSyntaxTree.ParseText(p.Code, Parse).GetCompilationUnitRoot()))
            .Where(p => !p.Root.Members.OfType<GlobalStatementSyntax>().Any() && DeclaredTypes(p.Root).Any(missing.Contains))
            .Select(p => p.Snippet)
            .ToList();
        return earlier.Count == 0 ? [.. errors.Select(e => e.ToString())] : [.. CompileWith(snippet, earlier).Select(e => e.ToString())];
    }

    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Preview);

    private static IEnumerable<string> DeclaredTypes(CompilationUnitSyntax root) =>
        root.DescendantNodes().OfType<BaseTypeDeclarationSyntax>().Select(t => t.Identifier.ValueText);

    private static IReadOnlyList<Diagnostic> CompileWith(Snippet snippet, IReadOnlyList<Snippet> earlier)
    {
        var root = CSharpSyntaxTree.ParseText(snippet.Code, Parse).GetCompilationUnitRoot();
        var statements = root.Members.OfType<GlobalStatementSyntax>().ToList();
        var web = UsesName(root, "builder") || UsesName(root, "app");
        var test = UsesName(root, "Assert");
        // The SDK's implicit usings, the packages' global usings, the web SDK's for a web snippet, xUnit's for a test.
        var usings = SdkUsings.Concat(PackageUsings).Concat(web ? WebSdkUsings : []).Concat(test ? ["Xunit"] : []).Distinct();
        var trees = new List<SyntaxTree> { CSharpSyntaxTree.ParseText(string.Join("\n", usings.Select(u => $"global using global::{u};")), Parse, path: "GlobalUsings.g.cs") };
        trees.AddRange(earlier.Select(e => CSharpSyntaxTree.ParseText(e.Code, Parse, path: e.ToString())));
        string source;
        var kind = OutputKind.DynamicallyLinkedLibrary;
        if (snippet.Example)
        {
            // Members of the examples class it was copied from, in that class's namespace and with its usings.
            // (A block of type declarations is compiled in that namespace, outside the class.)
            source = "using System.Text.Json;\nnamespace Odoo.Models.OpenStack.DocumentationExamples;\n" +
                (statements.Count == 0 && root.Members.All(m => m is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax)
                    ? snippet.Code
                    : "public static partial class Examples\n{\n" + snippet.Code + "\n}\n");
        }
        else if (statements.Count > 0 && statements.All(s => s.Statement is LocalFunctionStatementSyntax { Body: null, ExpressionBody: null }))
        {
            // Signatures (a manager's methods, as the reference pages list them): members of an interface, so their types are checked.
            // A static one becomes static abstract, which an interface allows.
            var members = root.Members.Cast<GlobalStatementSyntax>().Select(m => (LocalFunctionStatementSyntax)m.Statement)
                .Select(f => f.Modifiers.Any(SyntaxKind.StaticKeyword) ? f.AddModifiers(SyntaxFactory.Token(SyntaxKind.AbstractKeyword).WithTrailingTrivia(SyntaxFactory.Space)) : f);
            source = string.Concat(root.Usings.Select(u => u.ToFullString())) + "public interface ISignatures\n{\n" +
                string.Concat(members.Select(m => m.ToFullString())) + "\n}\n";
        }
        else if (root.Members.Any(m => m is IncompleteMemberSyntax or PropertyDeclarationSyntax or MethodDeclarationSyntax or FieldDeclarationSyntax))
        {
            // Members shown without their record (a property or two of a model): inside a model record.
            source = string.Concat(root.Usings.Select(u => u.ToFullString())) + "[Odoo.OdooModel(\"snippet.model\")]\npublic partial record SnippetModel\n{\n" +
                string.Concat(root.Members.Select(m => m.ToFullString())) + "\n}\n";
        }
        else if (statements.Count == 0)
        {
            source = snippet.Code;
        }
        else
        {
            // Top-level statements come first: the snippet's usings, the context it relies on, its statements, then its types.
            kind = OutputKind.ConsoleApplication;
            var declared = Declared(root);
            var context = Context.Where(c => !declared.Contains(c.Key) && UsesName(root, c.Key))
                .Select(c => $"{c.Value} {c.Key} = default!;");
            var text = new StringBuilder();
            foreach (var u in root.Usings) text.AppendLine(u.ToFullString().Trim());
            foreach (var line in context) text.AppendLine(line);
            foreach (var s in statements) text.AppendLine(s.ToFullString());
            foreach (var m in root.Members.Where(m => m is not GlobalStatementSyntax)) text.AppendLine(m.ToFullString());
            source = text.ToString();
        }
        trees.Add(CSharpSyntaxTree.ParseText(source, Parse, path: snippet.ToString()));
        // Derived from one base compilation, so the referenced assemblies are loaded once for all snippets.
        var compilation = Base.Value.WithOptions(Base.Value.Options.WithOutputKind(kind)).AddSyntaxTrees(trees);
        var driver = CSharpGeneratorDriver.Create([new Odoo.Generator.OdooGenerator().AsSourceGenerator()], parseOptions: Parse);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);
        return [.. generatorDiagnostics.Concat(generated.GetDiagnostics()).Where(d => d.Severity == DiagnosticSeverity.Error)];
    }

    private static bool UsesName(SyntaxNode root, string name) =>
        root.DescendantNodes().OfType<IdentifierNameSyntax>().Any(n =>
            n.Identifier.ValueText == name &&
            !(n.Parent is MemberAccessExpressionSyntax access && access.Name == n) &&
            n.Parent is not NameColonSyntax &&
            !(n.Parent is AssignmentExpressionSyntax assignment && assignment.Left == n && assignment.Parent is InitializerExpressionSyntax));

    private static HashSet<string> Declared(SyntaxNode root) =>
    [
        .. root.DescendantNodes().OfType<VariableDeclaratorSyntax>().Select(v => v.Identifier.ValueText),
        .. root.DescendantNodes().OfType<ForEachStatementSyntax>().Select(f => f.Identifier.ValueText),
        .. root.DescendantNodes().OfType<SingleVariableDesignationSyntax>().Select(d => d.Identifier.ValueText),
        .. root.DescendantNodes().OfType<ParameterSyntax>().Select(p => p.Identifier.ValueText),
    ];
}
