using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Odoo.Testing;

namespace Odoo.Models.OpenStack.Tests.Porting;

/// <summary>
/// docs/porting-from-python.md: its C# blocks are the regions of <see cref="PortingExamples"/> (compiled with this
/// project), and each example written with the reference's names as strings sends the same requests, and gets the
/// same results, as its typed form.
/// </summary>
public sealed partial class PortingGuideTests
{
    private static readonly string GuidePath = Path.Combine(RepoRoot(), "docs", "porting-from-python.md");
    private static readonly string ExamplesPath = Path.Combine(RepoRoot(), "tests", "Odoo.Models.OpenStack.Tests", "Porting", "PortingExamples.cs");

    public static TheoryData<string> Pairs() => [.. typeof(PortingExamples).GetMethods(BindingFlags.Public | BindingFlags.Static)
        .Where(m => m.Name.EndsWith("_Python", StringComparison.Ordinal)).Select(m => m.Name[..^"_Python".Length])];

    public static TheoryData<string> Singles() => [.. typeof(PortingExamples).GetMethods(BindingFlags.Public | BindingFlags.Static)
        .Where(m => !m.Name.Contains('_', StringComparison.Ordinal) && m.Name != nameof(PortingExamples.Connect)).Select(m => m.Name)];

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task The_reference_names_send_the_requests_of_the_typed_form(string example)
    {
        await using var odoo = await StartAsync();
        var (pythonCalls, pythonResult) = await RunAsync(odoo, example + "_Python");
        var (typedCalls, typedResult) = await RunAsync(odoo, example + "_Typed");
        Assert.NotEmpty(typedCalls);
        Assert.Equal(typedCalls, pythonCalls);
        Assert.Equal(typedResult, pythonResult);
    }

    [Theory]
    [MemberData(nameof(Singles))]
    public async Task The_other_examples_run(string example)
    {
        await using var odoo = await StartAsync();
        var (calls, _) = await RunAsync(odoo, example);
        Assert.NotEmpty(calls);
    }

    [Fact]
    public async Task A_mixin_of_ones_own_works_like_the_librarys()
    {
        await using var odoo = await TestOdoo.StartAsync(server =>
        {
            var owner = server.Create("res.partner", new { name = "Owner" });
            server.Create("openstack.project", new { name = "Alpha", os_id = "4f1c0a", owner });
            server.Create("openstack.project", new { name = "Beta", os_id = "77aa00", owner });
        });
        var alpha = odoo.Server.Search("openstack.project", """[["os_id","=","4f1c0a"]]""").Single();
        odoo.Server.ClearRequests();
        var result = await MixinExamples.UseMixin(odoo.Odoo);
        Assert.Equal((alpha, (int?)alpha, alpha), result);
        Assert.Contains(odoo.Calls(), c => c.Method == "search_read" && c.Args.Contains("""["os_id","=","4f1c0a"]""", StringComparison.Ordinal));
    }

    [Fact]
    public void The_list_form_sends_the_reference_domain_as_written()
    {
        // §6.4's example: [("partner","=",p), ("os_project","=",None), "|", ("os_invoice_date",">=",date(2024,6,1)), ("order_lines","in",{1,2})]
        var domain = Odoo.Domains.OdooDomain.FromList(
        [
            ("partner", "=", 7), ("os_project", "=", (object?)null), "|",
            ("os_invoice_date", ">=", new DateOnly(2024, 6, 1)), ("order_lines", "in", new[] { 1, 2 }),
        ]);
        Assert.Equal("""[["partner_id","=",7],["os_project","=",false],"|",["os_invoice_date",">=","2024-06-01"],["order_line","in",[1,2]]]""",
            domain.Encode(SaleOrder.Metadata).ToString());
    }

    [Fact]
    public void Every_csharp_block_of_the_guide_is_an_example_region()
    {
        var guide = File.ReadAllText(GuidePath).ReplaceLineEndings("\n");
        var source = File.ReadAllText(ExamplesPath).ReplaceLineEndings("\n");
        var regions = RegionPattern().Matches(source).ToDictionary(m => m.Groups[1].Value, m => Unindent(m.Groups[2].Value));
        var blocks = BlockPattern().Matches(guide).Select(m => (Name: m.Groups[1].Value, Code: m.Groups[2].Value.TrimEnd('\n'))).ToList();
        Assert.NotEmpty(blocks);
        foreach (var (name, code) in blocks)
        {
            Assert.True(regions.TryGetValue(name, out var region), $"The guide includes '{name}', which PortingExamples.cs does not have.");
            Assert.True(region == code, $"The guide's block '{name}' differs from PortingExamples.cs:\n{region}");
        }
        Assert.Empty(regions.Keys.Except(blocks.Select(b => b.Name)));
        // Every C# block is an included region; hand-written C# would not be compiled.
        Assert.Equal(blocks.Count, Regex.Matches(guide, "```csharp").Count);
    }

    private static async Task<TestOdoo> StartAsync()
    {
        var odoo = await TestOdoo.StartAsync(server =>
        {
            TestOdoo.SeedReferralCodePage(server);
            server.Create("product.product", new { name = "Storage" });
            server.Create("product.category", new { name = "Cloud" });
        });
        return odoo;
    }

    private static async Task<(IReadOnlyList<OrmCall> Calls, string Result)> RunAsync(TestOdoo odoo, string method)
    {
        var info = typeof(PortingExamples).GetMethod(method) ?? throw new InvalidOperationException(method);
        var alice = await odoo.Odoo.Partners.GetByUniqueFieldAsync("name", "Alice");
        object?[] args = [.. info.GetParameters().Select(p => p.ParameterType == typeof(Partner) ? alice : (object)odoo.Odoo)];
        odoo.Server.ClearRequests();
        var task = (Task)info.Invoke(null, args)!;
        await task;
        var result = task.GetType().GetProperty("Result")?.GetValue(task);
        return (odoo.Calls(), Describe(result));
    }

    // Records by their Odoo values, tuples by their items, dictionaries and lists by their JSON.
    private static string Describe(object? value) => value switch
    {
        null => "null",
        OdooRecord r => JsonSerializer.Serialize(r.ToDictionary(raw: true)),
        System.Runtime.CompilerServices.ITuple t => "(" + string.Join(", ", Enumerable.Range(0, t.Length).Select(i => Describe(t[i]))) + ")",
        IReadOnlyDictionary<string, JsonElement> d => JsonSerializer.Serialize(d),
        string s => s,
        System.Collections.IEnumerable e => "[" + string.Join(", ", e.Cast<object?>().Select(Describe)) + "]",
        _ => JsonSerializer.Serialize(value),
    };

    private static string Unindent(string code)
    {
        var lines = code.TrimEnd('\n', ' ').Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OdooGen.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("The repository root (OdooGen.sln) was not found.");
    }

    [GeneratedRegex(@"// <example ([\w-]+)>\n(.*?)\n\s*// </example>", RegexOptions.Singleline)]
    private static partial Regex RegionPattern();

    [GeneratedRegex(@"<!-- example: ([\w-]+) -->\n```csharp\n(.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex BlockPattern();
}
