using System.Diagnostics;
using System.Text.Json;

namespace Odoo.Docs.Tests;

/// <summary>The global usings the packages' buildTransitive targets add, as MSBuild evaluates them in a consumer.</summary>
public sealed class GlobalUsingsTargetsTests
{
    private static readonly string Targets = Path.Combine(SnippetCompiler.RepositoryRoot, "src", "Odoo.Runtime", "buildTransitive", "Odoo.Runtime.targets");

    /// <summary>The <c>Using</c> items of a project that sets <paramref name="properties"/> in its body and imports the targets, as the package does.</summary>
    private static string[] Usings(params (string Name, string Value)[] properties)
    {
        var folder = Directory.CreateTempSubdirectory("odoo-usings-").FullName;
        try
        {
            var project = Path.Combine(folder, "Consumer.proj");
            File.WriteAllText(project, $"""
                <Project>
                  <PropertyGroup>
                    {string.Concat(properties.Select(p => $"<{p.Name}>{p.Value}</{p.Name}>"))}
                  </PropertyGroup>
                  <Import Project="{Targets}" />
                </Project>
                """);
            var start = new ProcessStartInfo("dotnet", ["msbuild", project, "-getItem:Using", "-nologo"]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, output + process.StandardError.ReadToEnd());
            using var json = JsonDocument.Parse(output);
            return json.RootElement.GetProperty("Items").TryGetProperty("Using", out var items)
                ? [.. items.EnumerateArray().Select(i => i.GetProperty("Identity").GetString()!)]
                : [];
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_project_with_implicit_usings_gets_the_odoo_namespaces_and_can_opt_out()
    {
        Assert.Equal(["Odoo", "Odoo.Domains", "Odoo.Managers", "Odoo.Values"], Usings(("ImplicitUsings", "enable")));
        Assert.Empty(Usings(("ImplicitUsings", "enable"), ("OdooImplicitUsings", "false")));
        Assert.Equal(["Odoo", "Odoo.Domains", "Odoo.Managers", "Odoo.Values"], Usings(("OdooImplicitUsings", "true")));
    }
}
