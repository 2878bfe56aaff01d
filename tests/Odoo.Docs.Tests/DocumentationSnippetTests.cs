namespace Odoo.Docs.Tests;

/// <summary>Every C# block of README.md and docs/**/*.md compiles as a user would paste it.</summary>
public sealed class DocumentationSnippetTests
{
    /// <summary>
    /// The blocks that are not compiled, each marked in its file with <c>&lt;!-- snippet: not compiled: reason --&gt;</c>.
    /// Adding one means adding it here too, with the reason.
    /// </summary>
    private static readonly string[] ExpectedOptOuts =
    [
    ];

    [Fact]
    public void Every_csharp_block_compiles()
    {
        var all = SnippetCompiler.All();
        var pages = all.ToLookup(s => s.File);
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();

        // Compiled side by side: each is its own compilation over one shared set of references.
        Parallel.ForEach(all.Where(s => s.OptOut is null), snippet =>
        {
            var errors = SnippetCompiler.Compile(snippet, [.. pages[snippet.File]]);
            if (errors.Count > 0) failures.Add($"{snippet} does not compile:\n{string.Join("\n", errors)}\n---\n{snippet.Code}");
        });

        Assert.True(failures.IsEmpty, string.Join("\n\n", failures.OrderBy(f => f, StringComparer.Ordinal)));
        Assert.True(all.Count >= 100, $"expected the documentation's C# blocks, found {all.Count}");
    }

    [Fact]
    public void The_only_blocks_left_out_are_the_listed_ones_each_with_a_reason()
    {
        var optOuts = SnippetCompiler.All().Where(s => s.OptOut is not null).ToList();

        Assert.All(optOuts, s => Assert.False(string.IsNullOrWhiteSpace(s.OptOut), $"{s} opts out without a reason"));
        Assert.Equal(ExpectedOptOuts, optOuts.Select(s => $"{s.File}: {s.OptOut}").ToArray());
    }

    [Fact]
    public void The_documentation_has_csharp_blocks_and_the_packages_ship_global_usings()
    {
        Assert.True(SnippetCompiler.All().Count(s => s.File == "README.md") >= 5);
        Assert.Equal(["Odoo", "Odoo.Domains", "Odoo.Extensions.DependencyInjection", "Odoo.Managers", "Odoo.Testing", "Odoo.Values"], SnippetCompiler.PackageUsings);
    }

    [Fact]
    public void A_marked_block_is_extracted_with_its_reason_and_other_fences_are_ignored()
    {
        var path = Path.Combine(Path.GetTempPath(), $"snippets-{Guid.NewGuid():N}.md");
        File.WriteAllText(path, "# Page\n\n```bash\necho hi\n```\n\n<!-- snippet: not compiled: pseudo-code -->\n```csharp\nfoo bar;\n```\n\n```cs\nint x = 1;\n```\n");
        try
        {
            var snippets = SnippetCompiler.Extract(path).ToList();

            Assert.Equal([(8, "pseudo-code", "foo bar;"), (12, null, "int x = 1;")], snippets.Select(s => (s.Line, s.OptOut, s.Code.Trim())).ToArray());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_block_that_does_not_compile_is_reported_with_the_compiler_error()
    {
        var errors = SnippetCompiler.Compile(new Snippet("test.md", 1, "int x = \"text\";\nawait client.Model(\"res.partner\").SearchCountAsync(cancellationToken: ct);\n", null));

        Assert.Contains(errors, e => e.Contains("CS0029", StringComparison.Ordinal));
        Assert.Single(errors);
    }
}
