using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Reflection;
using System.Security;
using System.Xml.Linq;
using Xunit.Abstractions;

namespace Odoo.Packaging.Tests;

/// <summary>
/// How other teams use OdooGen: packages from a feed, a project of their own outside this solution,
/// their own model related to the OpenStack models. Packs the solution's build outputs (NoBuild) into
/// a temporary feed with a version never used before (so no stale copy in the global packages folder
/// can be picked), then builds and runs a consumer against them.
/// </summary>
[Collection("Packing")] // one packing build at a time: each already uses every core
public sealed class PackAndConsumeTests(ITestOutputHelper output)
{
    private static readonly string[] PackedProjects =
    [
        "src/Odoo.Runtime/Odoo.Runtime.csproj",
        "src/Odoo.Models.OpenStack/Odoo.Models.OpenStack.csproj",
        "src/Odoo.Extensions.DependencyInjection/Odoo.Extensions.DependencyInjection.csproj",
        "src/Odoo.Testing/Odoo.Testing.csproj",
    ];

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task A_consumer_outside_the_solution_declares_a_model_related_to_openstack_and_queries_it_from_the_packages()
    {
        var version = $"0.1.0-pack.{DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture)}.{Environment.ProcessId}";
        var root = Directory.CreateTempSubdirectory("odoogen-pack-").FullName;
        var feed = Directory.CreateDirectory(Path.Combine(root, "feed")).FullName;
        var consumer = Directory.CreateDirectory(Path.Combine(root, "consumer")).FullName;
        var total = Stopwatch.StartNew();
        try
        {
            // 1. Pack the solution's build outputs, all four projects in one MSBuild run.
            var pack = await DotNet.RunAsync(root, CommandTimeout, "msbuild", WritePackProject(root, feed, version), "-nologo", "-v:m", "-m", "-nodeReuse:false");
            Log(pack);
            Assert.True(pack.ExitCode == 0, pack.ToString());

            // 2. The packages hold what a consumer needs, and nothing it must not get.
            AssertRuntimePackage(feed, version);
            AssertDependsOnRuntime(feed, "Odoo.Models.OpenStack", version);
            AssertDependsOnRuntime(feed, "Odoo.Extensions.DependencyInjection", version);
            AssertGlobalUsingsAndExtensionsVersions(feed, version);
            foreach (var id in new[] { "Odoo.Runtime", "Odoo.Models.OpenStack", "Odoo.Extensions.DependencyInjection", "Odoo.Testing" })
            {
                Assert.True(File.Exists(Path.Combine(feed, $"{id}.{version}.snupkg")), $"{id} has a symbols package");
            }

            // 3. A consumer project of its own, referencing the packages by version.
            WriteConsumer(consumer, feed, version);
            var build = await DotNet.RunAsync(consumer, CommandTimeout, "build", "-c", "Release", "-nologo", "-v:m", "-nodeReuse:false", "--disable-build-servers", "-p:OdooGenVersion=" + version);
            Log(build);
            Assert.True(build.ExitCode == 0, build.ToString());

            // 4. Run it: it starts Odoo.Testing, seeds, queries through its own model and the OpenStack one.
            var dll = Path.Combine(consumer, "bin", "Release", "net10.0", "Consumer.dll");
            var run = await DotNet.RunAsync(consumer, CommandTimeout, dll);
            Log(run);
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("account ACME-001 balance 120.5 partner", run.Output);
            Assert.Contains("Acme Cloud", run.Output);
            Assert.Contains("account UNASSIGNED balance 7.25 partner - -", run.Output);
            Assert.Contains("<billing@acme.example>", run.Output);
            Assert.Contains("requests 3", run.Output);
            Assert.Contains("consumer OK", run.Output);
        }
        finally
        {
            output.WriteLine($"total {total.Elapsed.TotalSeconds:0.0}s");
            TryDelete(root);
            RemoveFromGlobalPackages(version);
        }
    }

    /// <summary>
    /// A traversal project packing the four projects with NoBuild, in the configuration (and artifacts
    /// layout) this test was built with: the solution build has just compiled them.
    /// </summary>
    private static string WritePackProject(string root, string feed, string version)
    {
        var properties = new List<string>
        {
            "NoBuild=true",
            "Configuration=" + Metadata("OdooGen.Configuration"),
            "Version=" + version,
            "MinVerVersionOverride=" + version, // MinVer stamps the version of this run, not the one it reads from git
            "PackageOutputPath=" + feed + Path.DirectorySeparatorChar,
            // The nuspec files go to the temp folder, not to the projects' obj folders.
            "NuspecOutputPath=" + Path.Combine(root, "nuspec") + Path.DirectorySeparatorChar,
        };
        if (OptionalMetadata("OdooGen.ArtifactsPath") is { Length: > 0 } artifacts) properties.Add("ArtifactsPath=" + artifacts);
        var repo = Metadata("OdooGen.RepositoryRoot");
        var projects = string.Join(';', PackedProjects.Select(p => Path.Combine(repo, p)));
        var path = Path.Combine(root, "pack.proj");
        File.WriteAllText(path, $"""
            <Project>
              <Target Name="Build">
                <MSBuild Projects="{SecurityElement.Escape(projects)}" Targets="Pack" BuildInParallel="true" Properties="{SecurityElement.Escape(string.Join(';', properties))}" />
              </Target>
            </Project>
            """);
        return path;
    }

    private static void AssertRuntimePackage(string feed, string version)
    {
        using var package = ZipFile.OpenRead(Path.Combine(feed, $"Odoo.Runtime.{version}.nupkg"));
        var files = package.Entries.Select(e => e.FullName).ToHashSet();
        Assert.Contains("analyzers/dotnet/cs/Odoo.Generator.dll", files);
        Assert.Contains("analyzers/dotnet/cs/Odoo.Analyzers.dll", files);
        Assert.Contains("analyzers/dotnet/cs/Odoo.Analyzers.CodeFixes.dll", files);
        Assert.Contains("lib/net10.0/Odoo.Runtime.dll", files);
        Assert.Contains("lib/net8.0/Odoo.Runtime.dll", files);
        Assert.Contains("lib/net10.0/Odoo.Runtime.xml", files);
        Assert.Contains("PACKAGE.md", files);
        Assert.DoesNotContain(files, f => f.StartsWith("lib/", StringComparison.Ordinal) && (f.EndsWith("Odoo.Generator.dll", StringComparison.Ordinal) || f.EndsWith("Odoo.Analyzers.dll", StringComparison.Ordinal)));

        var nuspec = Nuspec(package);
        Assert.Equal(version, Element(nuspec, "version").Value);
        Assert.Equal("PACKAGE.md", Element(nuspec, "readme").Value);
        Assert.Equal("Apache-2.0", Element(nuspec, "license").Value);
        Assert.DoesNotContain(nuspec.Descendants().Where(e => e.Name.LocalName == "dependency"), d => (string?)d.Attribute("id") == "Odoo.Generator");
    }

    /// <summary>The package depends on this very Odoo.Runtime, analyzers included, so its consumers get the generator.</summary>
    private static void AssertDependsOnRuntime(string feed, string id, string version)
    {
        using var package = ZipFile.OpenRead(Path.Combine(feed, $"{id}.{version}.nupkg"));
        var files = package.Entries.Select(e => e.FullName).ToHashSet();
        Assert.Contains($"lib/net10.0/{id}.dll", files);
        Assert.Contains($"lib/net8.0/{id}.dll", files);
        Assert.Contains("PACKAGE.md", files);
        var dependencies = Nuspec(package).Descendants().Where(e => e.Name.LocalName == "dependency" && (string?)e.Attribute("id") == "Odoo.Runtime").ToList();
        Assert.Equal(2, dependencies.Count); // one per target framework
        Assert.All(dependencies, d =>
        {
            Assert.Equal(version, (string?)d.Attribute("version"));
            Assert.DoesNotContain("Analyzers", (string?)d.Attribute("exclude") ?? "", StringComparison.OrdinalIgnoreCase);
        });
        Assert.DoesNotContain(Nuspec(package).Descendants().Where(e => e.Name.LocalName == "dependency"), d => (string?)d.Attribute("id") == "Odoo.Generator");
    }

    /// <summary>
    /// The packages that add global usings carry their targets in buildTransitive/ (and build/), and the
    /// Microsoft.Extensions dependencies of each target framework come from that framework's release.
    /// </summary>
    private static void AssertGlobalUsingsAndExtensionsVersions(string feed, string version)
    {
        foreach (var id in new[] { "Odoo.Runtime", "Odoo.Extensions.DependencyInjection", "Odoo.Testing" })
        {
            using var package = ZipFile.OpenRead(Path.Combine(feed, $"{id}.{version}.nupkg"));
            var files = package.Entries.Select(e => e.FullName).ToHashSet();
            Assert.Contains($"buildTransitive/{id}.targets", files);
            Assert.Contains($"build/{id}.targets", files);
        }
        foreach (var id in new[] { "Odoo.Runtime", "Odoo.Extensions.DependencyInjection" })
        {
            using var package = ZipFile.OpenRead(Path.Combine(feed, $"{id}.{version}.nupkg"));
            var groups = Nuspec(package).Descendants().Where(e => e.Name.LocalName == "group").ToList();
            foreach (var (framework, major) in new[] { ("net8.0", "8."), ("net10.0", "10.") })
            {
                var extensions = groups.Single(g => (string?)g.Attribute("targetFramework") == framework).Elements()
                    .Where(d => ((string?)d.Attribute("id"))!.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)).ToList();
                Assert.NotEmpty(extensions);
                Assert.All(extensions, d => Assert.StartsWith(major, (string?)d.Attribute("version"), StringComparison.Ordinal));
            }
        }
    }

    private static XDocument Nuspec(ZipArchive package)
    {
        using var stream = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        return XDocument.Load(stream);
    }

    private static XElement Element(XDocument nuspec, string name) => nuspec.Descendants().Single(e => e.Name.LocalName == name);

    /// <summary>
    /// The consumer, in a folder of its own: files that stop MSBuild and NuGet looking further up,
    /// and a nuget.config adding the local feed to the machine's sources (kept, so the Microsoft.Extensions.*
    /// dependencies restore the way they do for the solution).
    /// </summary>
    private static void WriteConsumer(string consumer, string feed, string version)
    {
        var template = Path.Combine(AppContext.BaseDirectory, "Consumer");
        foreach (var file in Directory.GetFiles(template)) File.Copy(file, Path.Combine(consumer, Path.GetFileName(file)));
        File.WriteAllText(Path.Combine(consumer, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(consumer, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(consumer, "Directory.Packages.props"), "<Project />\n");
        var globalJson = Path.Combine(Metadata("OdooGen.RepositoryRoot"), "global.json");
        if (File.Exists(globalJson)) File.Copy(globalJson, Path.Combine(consumer, "global.json"));
        File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="odoogen-local-{version}" value="{SecurityElement.Escape(feed)}" />
              </packageSources>
            </configuration>
            """);
    }

    /// <summary>Deletes this run's packages from the global packages folder (the version is unique to the run).</summary>
    private static void RemoveFromGlobalPackages(string version)
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in new[] { "odoo.runtime", "odoo.models.openstack", "odoo.extensions.dependencyinjection", "odoo.testing" })
        {
            TryDelete(Path.Combine(packages, id, version));
            try
            {
                if (Directory.Exists(Path.Combine(packages, id)) && !Directory.EnumerateFileSystemEntries(Path.Combine(packages, id)).Any()) Directory.Delete(Path.Combine(packages, id));
            }
            catch (IOException)
            {
                // Another run just restored a version of its own into it.
            }
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover temp folder is harmless; failing the test over it is not.
        }
    }

    private void Log(CommandResult result)
    {
        output.WriteLine($"`{result.Command}`: exit {result.ExitCode}, {result.Elapsed.TotalSeconds:0.0}s");
        output.WriteLine(result.Output);
    }

    private static string Metadata(string key) =>
        OptionalMetadata(key) ?? throw new InvalidOperationException($"The test assembly has no '{key}' metadata (see Odoo.Packaging.Tests.csproj).");

    private static string? OptionalMetadata(string key) =>
        typeof(PackAndConsumeTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value;
}
