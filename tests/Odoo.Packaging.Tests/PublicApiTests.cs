using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Odoo.Packaging.Tests;

/// <summary>
/// The public API of every package other projects compile against is tracked (Microsoft.CodeAnalysis.PublicApiAnalyzers,
/// wired in Directory.Build.targets): each packed library under <c>src/</c> has its PublicAPI.Shipped.txt and
/// PublicAPI.Unshipped.txt with nullable annotations, and a public member added without an entry, or an entry whose
/// member is gone, fails the build.
/// </summary>
[Collection("Packing")] // the scratch build uses every core, like the packing builds
public sealed partial class PublicApiTests(ITestOutputHelper output)
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(4);

    private static readonly string RepositoryRoot = typeof(PublicApiTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "OdooGen.RepositoryRoot").Value!;

    /// <summary>The libraries other teams compile against; each must be tracked.</summary>
    private static readonly string[] Libraries =
    [
        "Odoo.Runtime", "Odoo.Models.OpenStack", "Odoo.Testing", "Odoo.Extensions.DependencyInjection", "Odoo.Schema",
    ];

    [Fact]
    public async Task Every_packed_library_under_src_tracks_its_public_api_with_the_analyzer_and_both_files()
    {
        var tracked = new List<string>();
        var problems = new List<string>();
        foreach (var project in Directory.GetFiles(Path.Combine(RepositoryRoot, "src"), "*.csproj", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(project);
            var result = await DotNet.RunAsync(Path.GetDirectoryName(project)!, CommandTimeout,
                "msbuild", project, "-nologo",
                "-getProperty:IsPackable", "-getProperty:PackAsTool", "-getProperty:OutputType", "-getProperty:OdooTrackPublicApi",
                "-getProperty:TreatWarningsAsErrors", "-getProperty:NoWarn", "-getProperty:WarningsNotAsErrors",
                "-getItem:PackageReference", "-getItem:AdditionalFiles");
            Assert.True(result.ExitCode == 0, result.ToString());
            using var json = JsonDocument.Parse(result.Output[result.Output.IndexOf('{', StringComparison.Ordinal)..]);
            var properties = json.RootElement.GetProperty("Properties");
            string Property(string key) => properties.GetProperty(key).GetString() ?? "";
            IEnumerable<string> Items(string key) => json.RootElement.GetProperty("Items").GetProperty(key).EnumerateArray().Select(i => i.GetProperty("Identity").GetString()!);

            // A packed library: a tool (the CLI) has no API to compile against; the generator and analyzers are not packed on their own.
            var packedLibrary = Property("IsPackable") == "true" && Property("PackAsTool") != "true" && Property("OutputType") == "Library";
            if (!packedLibrary) continue;
            tracked.Add(name);
            if (Property("OdooTrackPublicApi") != "true") problems.Add($"{name}: OdooTrackPublicApi is '{Property("OdooTrackPublicApi")}'");
            if (!Items("PackageReference").Contains("Microsoft.CodeAnalysis.PublicApiAnalyzers")) problems.Add($"{name}: no PackageReference to Microsoft.CodeAnalysis.PublicApiAnalyzers");
            if (Property("TreatWarningsAsErrors") != "true") problems.Add($"{name}: warnings are not errors, so an API change would only warn");
            foreach (var quiet in new[] { "NoWarn", "WarningsNotAsErrors" })
            {
                if (Property(quiet).Contains("RS00", StringComparison.OrdinalIgnoreCase)) problems.Add($"{name}: {quiet} '{Property(quiet)}' silences a public API diagnostic");
            }
            foreach (var file in new[] { "PublicAPI.Shipped.txt", "PublicAPI.Unshipped.txt" })
            {
                var path = Path.Combine(Path.GetDirectoryName(project)!, file);
                if (!Items("AdditionalFiles").Contains(file)) problems.Add($"{name}: {file} is not an AdditionalFiles item");
                if (!File.Exists(path)) problems.Add($"{name}: {file} is missing");
                else if (File.ReadLines(path).FirstOrDefault() != "#nullable enable") problems.Add($"{name}: {file} does not start with '#nullable enable' (nullable annotations untracked)");
            }
            if (File.Exists(Path.Combine(Path.GetDirectoryName(project)!, "PublicAPI.Shipped.txt")) && File.ReadLines(Path.Combine(Path.GetDirectoryName(project)!, "PublicAPI.Shipped.txt")).Count() < 10)
            {
                problems.Add($"{name}: PublicAPI.Shipped.txt lists almost nothing; the baseline is the released API");
            }
        }
        output.WriteLine("tracked: " + string.Join(", ", tracked));
        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.All(Libraries, library => Assert.Contains(library, tracked));
    }

    [Fact]
    public async Task A_public_member_missing_from_the_baseline_or_an_entry_without_its_member_fails_the_build()
    {
        // A library laid out as under src/, built with the repository's own build files (analyzer, severities, warnings as errors).
        var root = Directory.CreateTempSubdirectory("odoogen-publicapi-").FullName;
        try
        {
            foreach (var file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", ".editorconfig", "global.json" })
            {
                var source = Path.Combine(RepositoryRoot, file);
                if (File.Exists(source)) File.Copy(source, Path.Combine(root, file));
            }
            var project = Path.Combine(root, "src", "Odoo.ApiSample");
            Directory.CreateDirectory(project);
            File.WriteAllText(Path.Combine(project, "Odoo.ApiSample.csproj"), """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <GenerateDocumentationFile>true</GenerateDocumentationFile>
                    <!-- Not a git work tree: no version from tags. -->
                    <MinVerSkip>true</MinVerSkip>
                  </PropertyGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(project, "Widget.cs"), """
                namespace Odoo.ApiSample;

                /// <summary>A widget.</summary>
                public sealed class Widget
                {
                    /// <summary>The name.</summary>
                    public string Name { get; } = "";

                    /// <summary>Counts, added after the release without an entry in the baseline.</summary>
                    /// <param name="cancellationToken">Cancels the count.</param>
                    public Task<int> CountAsync(CancellationToken cancellationToken = default) => Task.FromResult(0);
                }
                """);
            // The released API with the line of CountAsync removed, and Size, a member that no longer exists.
            File.WriteAllText(Path.Combine(project, "PublicAPI.Shipped.txt"), """
                #nullable enable
                Odoo.ApiSample.Widget
                Odoo.ApiSample.Widget.Name.get -> string!
                Odoo.ApiSample.Widget.Size.get -> int
                Odoo.ApiSample.Widget.Widget() -> void

                """);
            File.WriteAllText(Path.Combine(project, "PublicAPI.Unshipped.txt"), "#nullable enable\n");

            var build = await DotNet.RunAsync(project, CommandTimeout, "build", "-nologo", "-v:m", "-nodeReuse:false", "--disable-build-servers");
            output.WriteLine(build.ToString());

            Assert.NotEqual(0, build.ExitCode);
            Assert.Matches(@"error RS0016: Symbol 'Odoo\.ApiSample\.Widget\.CountAsync\(", build.Output);
            Assert.Matches(@"error RS0017: Symbol 'Odoo\.ApiSample\.Widget\.Size\.get -> int'", build.Output);
            // Nothing else failed: the public API diagnostics alone broke the build.
            var codes = ErrorCode().Matches(build.Output).Select(m => m.Groups[1].Value).ToHashSet();
            Assert.Equal(["RS0016", "RS0017"], codes.Order(StringComparer.Ordinal));
        }
        finally
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }

    [GeneratedRegex(@"error ([A-Z]+[0-9]+):")]
    private static partial Regex ErrorCode();
}
