using Odoo.Generator.Diagnostics;

namespace Odoo.Generator.Tests;

/// <summary>Every diagnostic links its own documentation page, and the page exists.</summary>
public sealed class HelpLinkTests
{
    private static readonly string DocsDirectory = Path.GetFullPath(Path.Combine(TestPaths.ProjectDirectory, "..", "..", "docs", "diagnostics"));

    [Fact]
    public void Every_diagnostic_links_a_page_of_its_own_that_exists()
    {
        var all = DiagnosticDescriptors.All;
        Assert.Equal(all.Length, all.Select(d => d.HelpLinkUri).Distinct().Count());
        foreach (var descriptor in all)
        {
            Assert.EndsWith($"docs/diagnostics/{descriptor.Id}.md", descriptor.HelpLinkUri);
            var page = Path.Combine(DocsDirectory, descriptor.Id + ".md");
            Assert.True(File.Exists(page), $"{descriptor.Id} links {descriptor.HelpLinkUri}, but {page} does not exist");
            var text = File.ReadAllText(page);
            Assert.StartsWith($"# {descriptor.Id}: {descriptor.Title}", text);
            Assert.Contains($"({descriptor.Id}.md)", File.ReadAllText(Path.Combine(DocsDirectory, "README.md")));
        }
    }

    [Fact]
    public void A_reported_diagnostic_carries_its_link()
    {
        var diagnostic = Microsoft.CodeAnalysis.Diagnostic.Create(DiagnosticDescriptors.UnsupportedType, Microsoft.CodeAnalysis.Location.None, "M", "P", "T");
        Assert.EndsWith("docs/diagnostics/ODOO004.md", diagnostic.Descriptor.HelpLinkUri);
    }
}
