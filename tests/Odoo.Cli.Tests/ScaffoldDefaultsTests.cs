using Odoo.Schema;
using Odoo.Testing;

namespace Odoo.Cli.Tests;

/// <summary>What the scaffolder does without being told: the project's namespace, and which modules' fields to keep.</summary>
public sealed class ScaffoldDefaultsTests
{
    /// <summary>A partner as a server with mail and website installed has it; <c>ir.model.fields</c> says which module defines each field.</summary>
    private static void DefineContactWithModules(OdooTestServer server)
    {
        server.DefineModel(new OdooModelSchema("x.contact", "Contact")
            .Char("name", "Name", required: true)
            .Char("email", "Email")
            .Integer("message_count", "Messages")
            .Many2Many("message_follower_ids", "mail.followers", "Followers")
            .Char("website_url", "Website URL")
            .Char("x_studio_note", "Studio note"));
        server.DefineModel(new OdooModelSchema("ir.model.fields", "Fields")
            .Char("model", "Model", required: true).Char("name", "Field Name", required: true).Char("modules", "In Apps"));
        server.Seed("ir.model.fields",
            new { model = "x.contact", name = "name", modules = "base" },
            new { model = "x.contact", name = "email", modules = "base, mail" },    // mail redefines it: still a base field
            new { model = "x.contact", name = "message_count", modules = "mail" },
            new { model = "x.contact", name = "message_follower_ids", modules = "mail" },
            new { model = "x.contact", name = "website_url", modules = "website" },
            new { model = "x.contact", name = "x_studio_note", modules = false }); // made in the UI: no module
        server.Seed("x.contact", new { name = "Ann", email = "ann@example.com", message_count = 3, website_url = "https://ann.example.com", x_studio_note = "vip" });
    }

    [Fact]
    public async Task Exclude_modules_leaves_out_the_fields_only_those_modules_define_and_the_output_compiles()
    {
        await using var server = await OdooTestServer.StartAsync();
        DefineContactWithModules(server);
        using var dir = new TempDir();
        var run = await Cli.RunAsync(["scaffold", "x.contact", "-n", "Crm", "-o", dir.Path, "-q", "--exclude-modules", "mail,website", .. Cli.Connection(server)]);
        Assert.True(run.ExitCode == 0, run.ToString());
        var source = File.ReadAllText(dir.File("XContact.cs"));
        Assert.Contains("public partial string Name { get; }", source, StringComparison.Ordinal);
        Assert.Contains("public partial string? Email { get; }", source, StringComparison.Ordinal);
        Assert.Contains("public partial string? XStudioNote { get; }", source, StringComparison.Ordinal);
        Assert.DoesNotContain("MessageCount", source, StringComparison.Ordinal);
        Assert.DoesNotContain("WebsiteUrl", source, StringComparison.Ordinal);
        Assert.DoesNotContain("Followers", source, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("MailFollower.cs"))); // no stub for a relation left out
        var compiled = Compiler.CompileDirectory(dir.Path);
        Assert.True(compiled.Diagnostics.Count == 0, compiled.Describe());
    }

    [Fact]
    public async Task Only_modules_keeps_base_the_named_modules_and_fields_no_module_defines()
    {
        await using var server = await OdooTestServer.StartAsync();
        DefineContactWithModules(server);
        using var dir = new TempDir();
        var run = await Cli.RunAsync(["scaffold", "x.contact", "-n", "Crm", "-o", dir.Path, "-q", "--only-modules", "website", .. Cli.Connection(server)]);
        Assert.True(run.ExitCode == 0, run.ToString());
        var source = File.ReadAllText(dir.File("XContact.cs"));
        foreach (var kept in new[] { " Name ", " Email ", " WebsiteUrl ", " XStudioNote " }) Assert.Contains(kept, source, StringComparison.Ordinal);
        Assert.DoesNotContain("MessageCount", source, StringComparison.Ordinal);
        Assert.DoesNotContain("Followers", source, StringComparison.Ordinal);

        // Without a filter every field is kept, and ir.model.fields is not read.
        using var all = new TempDir();
        var before = server.CountRequests(r => r.Model == "ir.model.fields");
        run = await Cli.RunAsync(["scaffold", "x.contact", "-n", "Crm", "-o", all.Path, "-q", .. Cli.Connection(server)]);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(" MessageCount ", File.ReadAllText(all.File("XContact.cs")), StringComparison.Ordinal);
        Assert.Equal(before, server.CountRequests(r => r.Model == "ir.model.fields"));
    }

    [Fact]
    public async Task Without_namespace_the_records_take_the_namespace_of_the_project_they_are_written_into()
    {
        await using var server = await OdooTestServer.StartAsync();
        server.DefineModel(new OdooModelSchema("x.fleet", "Fleet")
            .Char("name", "Name", required: true)
            .Selection("state", new KeyValuePair<string, string>[] { new("draft", "Draft"), new("done", "Done") }, "Status"));
        using var dir = new TempDir();
        File.WriteAllText(dir.File("Acme.Billing.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <RootNamespace>Acme.Billing</RootNamespace>
              </PropertyGroup>
            </Project>
            """);
        var outDir = Path.Combine(dir.Path, "Odoo", "Models");
        var run = await Cli.RunAsync(["scaffold", "x.fleet", "-o", outDir, .. Cli.Connection(server)]);
        Assert.True(run.ExitCode == 0, run.ToString());
        var source = File.ReadAllText(Path.Combine(outDir, "XFleet.cs"));
        Assert.Contains("namespace Acme.Billing.Odoo.Models;", source, StringComparison.Ordinal);
        Assert.Contains("public sealed partial record XFleet", source, StringComparison.Ordinal);
        Assert.Contains("[OdooSelection(\"draft\")]\n    Draft,", source, StringComparison.Ordinal);
        Assert.Contains("[OdooSelection(\"done\")]\n    Done,", source, StringComparison.Ordinal);
        Assert.Contains("(namespace Acme.Billing.Odoo.Models)", run.Err, StringComparison.Ordinal);
        var compiled = Compiler.CompileDirectory(outDir);
        Assert.True(compiled.Diagnostics.Count == 0, compiled.Describe());

        // --namespace wins over the project.
        run = await Cli.RunAsync(["scaffold", "x.fleet", "-o", outDir, "--force", "-q", "-n", "Mine", .. Cli.Connection(server)]);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("namespace Mine;", File.ReadAllText(Path.Combine(outDir, "XFleet.cs")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_project_namespace_is_the_root_namespace_or_the_project_name_followed_by_the_folders()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("My-Service.Api.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        Assert.Equal("My_Service.Api", OdooScaffolder.ProjectNamespace(dir.Path));
        Assert.Equal("My_Service.Api.Odoo._2025", OdooScaffolder.ProjectNamespace(Path.Combine(dir.Path, "Odoo", "2025")));
        File.WriteAllText(dir.File("Other.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        Assert.Null(OdooScaffolder.ProjectNamespace(dir.Path)); // two projects: no guess
    }

    [Fact]
    public async Task Module_filters_contradicting_each_other_are_a_usage_error()
    {
        var run = await Cli.RunAsync(["scaffold", "res.partner", "--exclude-modules", "mail", "--only-modules", "sale"]);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("odoogen: --exclude-modules and --only-modules contradict each other; pass one. Run 'odoogen --help' for usage.", Assert.Single(run.ErrLines));
    }

    [Fact]
    public async Task Completion_offers_commands_options_and_the_values_of_closed_options()
    {
        static async Task<string[]> Suggest(string line)
        {
            var run = await Cli.RunAsync([$"[suggest:{line.Length}]", line]);
            Assert.True(run.ExitCode == 0, run.ToString());
            return run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        Assert.Contains("scaffold", await Suggest("odoogen sc"));
        Assert.Contains("--follow-relations", await Suggest("odoogen scaffold --fol"));
        Assert.Equal(["error", "info", "warning"], await Suggest("odoogen check --fail-on "));
        Assert.Equal(["auto", "json2", "jsonrpc"], await Suggest("odoogen scaffold res.partner --protocol "));
    }
}
