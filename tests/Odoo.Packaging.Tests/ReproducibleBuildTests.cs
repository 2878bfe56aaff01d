using System.Diagnostics;
using System.IO.Compression;
using System.Reflection;
using System.Xml.Linq;
using Xunit.Abstractions;

namespace Odoo.Packaging.Tests;

/// <summary>
/// Packages as a release pipeline makes them: two clean clones of the committed HEAD in two different folders, each
/// with an https remote and a version tag, pack Odoo.Runtime in Release. The assemblies (runtime for both target
/// frameworks, generator) and their PDBs are byte-identical; the version comes from the tag; the packages carry the
/// repository and project URL, SourceLink to the commit, the icon, the changelog, the readme, copyright and release
/// notes; the generator's diagnostics link their pages at that commit. Uncommitted changes are not part of the clones.
/// </summary>
[Collection("Packing")] // one packing build at a time: each already uses every core
public sealed class ReproducibleBuildTests(ITestOutputHelper output)
{
    private const string Remote = "https://github.com/example-org/odoogen.git";
    private const string Tag = "v9.8.7";
    private const string Version = "9.8.7";

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(6);

    private static readonly string[] Assemblies =
    [
        "lib/net10.0/Odoo.Runtime.dll", "lib/net8.0/Odoo.Runtime.dll", "analyzers/dotnet/cs/Odoo.Generator.dll",
    ];

    [Fact]
    public async Task Packing_from_two_folders_gives_identical_assemblies_with_the_tag_version_and_source_links()
    {
        var repo = typeof(ReproducibleBuildTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "OdooGen.RepositoryRoot").Value!;
        var root = Directory.CreateTempSubdirectory("odoogen-repro-").FullName;
        var total = Stopwatch.StartNew();
        try
        {
            var head = (await Git(repo, "rev-parse", "HEAD")).Trim();
            var folders = new[] { Path.Combine(root, "first"), Path.Combine(root, "second", "deeper") };
            foreach (var folder in folders)
            {
                await Git(root, "clone", "--quiet", "--no-checkout", repo, folder);
                await Git(folder, "checkout", "--quiet", head);
                await Git(folder, "remote", "set-url", "origin", Remote);
                await Git(folder, "tag", Tag);
            }
            var packs = await Task.WhenAll(folders.Select(f => DotNet.RunAsync(f, CommandTimeout,
                "pack", "src/Odoo.Runtime/Odoo.Runtime.csproj", "-c", "Release", "-o", Path.Combine(f, "out"), "-nologo", "-v:m", "-nodeReuse:false", "--disable-build-servers")));
            foreach (var pack in packs)
            {
                output.WriteLine(pack.ToString());
                Assert.True(pack.ExitCode == 0, pack.ToString());
            }

            var first = Path.Combine(folders[0], "out", $"Odoo.Runtime.{Version}");
            var second = Path.Combine(folders[1], "out", $"Odoo.Runtime.{Version}");
            foreach (var entry in Assemblies)
            {
                Assert.Equal(Read(first + ".nupkg", entry), Read(second + ".nupkg", entry));
                var pdb = Path.ChangeExtension(entry, ".pdb");
                if (!entry.StartsWith("analyzers/", StringComparison.Ordinal)) Assert.Equal(Read(first + ".snupkg", pdb), Read(second + ".snupkg", pdb));
            }

            // SourceLink: the PDB maps the sources to the commit on the remote's host.
            var sourceLink = $"https://raw.githubusercontent.com/example-org/odoogen/{head}/*";
            Assert.Contains(sourceLink, System.Text.Encoding.UTF8.GetString(Read(first + ".snupkg", "lib/net10.0/Odoo.Runtime.pdb")));

            // The informational version is the tag's, with the commit.
            Assert.Contains(System.Text.Encoding.UTF8.GetBytes($"{Version}+{head}"), Read(first + ".nupkg", "lib/net10.0/Odoo.Runtime.dll"));
            // The generator's help links point at the pages of this commit.
            Assert.Contains(System.Text.Encoding.UTF8.GetBytes($"https://github.com/example-org/odoogen/blob/{head}/docs/diagnostics/"), Read(first + ".nupkg", "analyzers/dotnet/cs/Odoo.Generator.dll"));

            using var package = ZipFile.OpenRead(first + ".nupkg");
            var files = package.Entries.Select(e => e.FullName).ToHashSet();
            Assert.Contains("icon.png", files);
            Assert.Contains("CHANGELOG.md", files);
            Assert.Contains("PACKAGE.md", files);
            using var nuspecStream = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
            var nuspec = XDocument.Load(nuspecStream);
            string Value(string name) => nuspec.Descendants().Single(e => e.Name.LocalName == name).Value;
            Assert.Equal(Version, Value("version"));
            Assert.Equal("icon.png", Value("icon"));
            Assert.Equal("PACKAGE.md", Value("readme"));
            Assert.Equal("https://github.com/example-org/odoogen", Value("projectUrl"));
            Assert.Contains("OdooGen contributors", Value("copyright"));
            Assert.Contains("CHANGELOG.md", Value("releaseNotes"));
            var repository = nuspec.Descendants().Single(e => e.Name.LocalName == "repository");
            Assert.Equal(Remote, (string?)repository.Attribute("url"));
            Assert.Equal(head, (string?)repository.Attribute("commit"));
        }
        finally
        {
            output.WriteLine($"total {total.Elapsed.TotalSeconds:0.0}s");
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

    private static byte[] Read(string package, string entry)
    {
        using var zip = ZipFile.OpenRead(package);
        var e = zip.GetEntry(entry) ?? throw new Xunit.Sdk.XunitException($"{Path.GetFileName(package)} has no {entry}");
        using var stream = e.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static async Task<string> Git(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', arguments)} exited {process.ExitCode}: {await stderr}");
        return await stdout;
    }
}
