using Odoo.Testing;

namespace Odoo.Cli.Tests;

public sealed class ScaffoldTests
{
    private const string ReferralProbe = """
        using System.Linq;
        using System.Threading.Tasks;
        using Odoo;

        namespace Scaffolded.Models;

        /// <summary>Reads through the scaffolded records.</summary>
        public static class Probe
        {
            /// <summary>Runs.</summary>
            public static async Task<string> RunAsync(OdooClient client)
            {
                var codes = await new ReferralCodeManager(client).SearchAsync();
                var code = codes.Single();
                var type = await code.LoadReferralCreditTypeAsync();
                var referrals = await code.LoadReferralsAsync();
                return string.Join("|", code.Code, code.AllowedUses, code.BeforeRewardUsageThreshold, code.ReferralCreditTypeId, code.ReferralCreditTypeName,
                    type.Name, type.Refundable, code.RewardCreditTypeId, string.Join(",", code.ReferralIds), string.Join(",", referrals.Select(r => r.DisplayName)));
            }
        }
        """;

    [Fact]
    public async Task Scaffolds_the_real_fields_get_sample_into_declarations_that_compile_and_read_records()
    {
        await using var server = await OdooTestServer.StartAsync();
        Schemas.DefineReferralCode(server);
        Schemas.DefineIrModel(server);
        var typeId = server.Seed("openstack.credit.type", new { name = "Cloud credit", refundable = true })[0];
        var otherType = server.Seed("openstack.credit.type", new { name = "Reward credit" })[0];
        var partners = server.Seed("res.partner", new { name = "Ann" }, new { name = "Bob" });
        server.Seed("openstack.referral_code", new
        {
            code = "WELCOME10",
            allowed_uses = 5,
            before_reward_usage_threshold = 12.5,
            referral_credit_type = typeId,
            reward_credit_type = otherType,
            referrals = partners,
        });

        using var dir = new TempDir();
        var run = await Cli.RunAsync([
            "scaffold", "openstack.referral_code", "openstack.credit.type", "--namespace", "Scaffolded.Models", "--out", dir.Path,
            "--strip-prefix", "openstack.", "--strip-prefix", "res.", .. Cli.Connection(server)], terminal: true);
        Assert.True(run.ExitCode == 0, run.ToString());

        // Two models in full, a stub for res.partner; product.product (a target of credit.type) is a stub too.
        Assert.Equal(["CreditType.cs", "Partner.cs", "Product.cs", "ReferralCode.cs"], Directory.GetFiles(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(4, run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        // On a terminal, progress is one line redrawn in place, then cleared for the summary.
        Assert.Contains("\r[1/2] reading openstack.referral_code", run.Err, StringComparison.Ordinal);
        Assert.Contains("\r[2/2] reading openstack.credit.type", run.Err, StringComparison.Ordinal);
        Assert.Contains("\rread 2 model(s) in ", run.Err, StringComparison.Ordinal);

        var referral = File.ReadAllText(dir.File("ReferralCode.cs"));
        Assert.Contains("/// <summary>OpenStack Referral Code (<c>openstack.referral_code</c>).</summary>", referral, StringComparison.Ordinal);
        Assert.Contains("[OdooModel(\"openstack.referral_code\")]\npublic sealed partial record ReferralCode\n", referral, StringComparison.Ordinal);
        Assert.Contains("public partial string Code { get; }", referral, StringComparison.Ordinal);               // required
        Assert.Contains("public partial string? Name { get; }", referral, StringComparison.Ordinal);             // Odoo may send false
        Assert.Contains("public partial int AllowedUses { get; }", referral, StringComparison.Ordinal);
        Assert.Contains("public partial double BeforeRewardUsageThreshold { get; }", referral, StringComparison.Ordinal);
        Assert.Contains("[Many2One(\"referral_credit_type\")]\n    public partial CreditType ReferralCreditType { get; }", referral, StringComparison.Ordinal);
        Assert.Contains("[One2Many(\"referrals\")]\n    public partial IReadOnlyList<Partner> Referrals { get; }", referral, StringComparison.Ordinal);
        Assert.Contains("/// <summary>Allowed Uses.</summary>", referral, StringComparison.Ordinal);
        Assert.Contains("Odoo field <c>referral_credit_type</c>: many2one to <c>openstack.credit.type</c>, required.", referral, StringComparison.Ordinal);
        foreach (var baseField in new[] { "CreateUid", "WriteDate", "DisplayName", " Id " })
        {
            Assert.DoesNotContain(baseField + " {", referral, StringComparison.Ordinal);
        }
        var stub = File.ReadAllText(dir.File("Partner.cs"));
        Assert.Contains("[OdooModel(\"res.partner\")]\npublic sealed partial record Partner\n{\n}", stub, StringComparison.Ordinal);

        var compiled = Compiler.CompileDirectory(dir.Path, extra: [("Probe.cs", ReferralProbe)]);
        Assert.True(compiled.Diagnostics.Count == 0, compiled.Describe());

        using var loaded = compiled.Load();
        await using var client = await OdooClient.ConnectAsync(new OdooClientOptions
        {
            Url = server.BaseUrl, Database = server.Database, Username = server.Username, Password = server.Password, Protocol = OdooProtocol.JsonRpc,
        });
        var result = await loaded.CallAsync<string>("Scaffolded.Models.Probe", "RunAsync", client);
        Assert.Equal($"WELCOME10|5|12.5|{typeId}|Cloud credit|Cloud credit|True|{otherType}|{string.Join(",", partners)}|Ann,Bob", result);
    }

    private const string KitchenSinkProbe = """
        using System;
        using System.Linq;
        using System.Threading.Tasks;
        using Odoo;

        namespace Kitchen;

        /// <summary>Reads through the scaffolded records.</summary>
        public static class Probe
        {
            /// <summary>Runs.</summary>
            public static async Task<string> RunAsync(OdooClient client)
            {
                var all = await new XSinkManager(client).SearchAsync(order: "id");
                var full = all[0];
                var empty = all[1];
                return string.Join("|",
                    full.State, full.Priority, full.AmountTotal, full.StartDate?.ToString("yyyy-MM-dd"), full.SentAt?.ToString("yyyy-MM-dd HH:mm:ss"),
                    full.Notes, full.SourceValue, full.XSinkValue, full.PartnerId, full.PartnerName, full.PartnerNameValue,
                    full.TagIds.Count, full.Payload?.GetProperty("a").GetInt32(), full.Attachment,
                    empty.State is null, empty.StartDate is null, empty.PartnerId is null, empty.Notes is null, empty.Payload is null);
            }
        }
        """;

    [Fact]
    public async Task Scaffolds_every_field_type_with_sanitised_names_and_the_output_compiles_and_reads()
    {
        await using var server = await OdooTestServer.StartAsync();
        server.DefineModel(new OdooModelSchema("x_sink.tag", "Tag").Char("name", "Name", required: true));
        server.DefineModel(new OdooModelSchema("x_sink", "Kitchen <Sink> & Co")
            .Char("name", "Name", required: true)
            .Selection("state", new KeyValuePair<string, string>[] { new("draft", "Draft"), new("out_invoice", "Customer Invoice"), new("Done", "Done"), new("done", "done (lower)") }, "Status")
            .Selection("priority", new KeyValuePair<string, string>[] { new("0", "Normal"), new("1", "Urgent") }, "Priority", required: true)
            .Monetary("amount_total", "Total", configure: f => f.Help = "The total, <taxes> & all.\nSecond line with */ and \"quotes\".")
            .Float("ratio", "Ratio")
            .Date("start_date", "Start")
            .DateTime("sent_at", "Sent At")
            .Html("notes", "Notes")
            .Text("description", "Description")
            .Char("source", "Source")                     // a generator member: renamed SourceValue
            .Char("x_sink", "Sink")                       // the record's own name: renamed XSinkValue
            .Many2One("partner_id", "res.partner", "Customer")
            .Char("partner_name", "Partner Name")         // clashes with the generated PartnerName: renamed PartnerNameValue
            .Many2Many("tag_ids", "x_sink.tag", "Tags")
            .Many2Many("follower_ids", "res.users", "Followers")
            .Json("payload", "Payload")
            .Binary("attachment", "Attachment")
            .Boolean("active", "Active")
            .Integer("sequence", "Sequence")
            .Char("x_studio_2nd_name", "Studio field")
            .Char("message_follower_count", "Excluded"));
        Schemas.DefineIrModel(server);
        var partner = server.Seed("res.partner", new { name = "Ann" })[0];
        var tags = server.Seed("x_sink.tag", new { name = "a" }, new { name = "b" });
        server.Seed("x_sink",
            new
            {
                name = "full", state = "out_invoice", priority = "1", amount_total = 12.34, start_date = "2025-01-31", sent_at = "2025-02-01 10:11:12",
                notes = "<p>hi</p>", source = "src", x_sink = "snk", partner_id = partner, partner_name = "Ann (typed)", tag_ids = tags,
                payload = new { a = 1 }, attachment = "aGk=", active = true,
            },
            new { name = "empty", priority = "0", active = true });

        using var dir = new TempDir();
        var run = await Cli.RunAsync(["scaffold", "x_sink", "-n", "Kitchen", "-o", dir.Path, "--exclude-field", "message_*", .. Cli.Connection(server)]);
        Assert.True(run.ExitCode == 0, run.ToString());
        var source = File.ReadAllText(dir.File("XSink.cs"));

        Assert.Contains("/// <summary>Kitchen &lt;Sink&gt; &amp; Co (<c>x_sink</c>).</summary>", source, StringComparison.Ordinal);
        Assert.Contains("[OdooModel(\"x_sink\")]\npublic sealed partial record XSink", source, StringComparison.Ordinal);
        Assert.Contains("public partial XSinkState? State { get; }", source, StringComparison.Ordinal);
        Assert.Contains("public partial XSinkPriority Priority { get; }", source, StringComparison.Ordinal);
        Assert.Contains("[OdooSelection(\"0\")]\n    Value0,", source, StringComparison.Ordinal);
        Assert.Contains("[OdooSelection(\"out_invoice\")]\n    OutInvoice,", source, StringComparison.Ordinal); // every member names its key
        Assert.Contains("[OdooSelection(\"Done\")]\n    Done,", source, StringComparison.Ordinal);
        Assert.Contains("[OdooSelection(\"done\")]\n    Done2,", source, StringComparison.Ordinal);
        Assert.Contains("public partial decimal AmountTotal { get; }", source, StringComparison.Ordinal);
        Assert.Contains("/// <para>The total, &lt;taxes&gt; &amp; all.</para>\n    /// <para>Second line with */ and \"quotes\".</para>", source, StringComparison.Ordinal);
        Assert.Contains("public partial DateOnly? StartDate { get; }", source, StringComparison.Ordinal);
        Assert.Contains("public partial DateTime? SentAt { get; }", source, StringComparison.Ordinal);
        Assert.Contains("[OdooField(\"source\")]\n    public partial string? SourceValue { get; }", source, StringComparison.Ordinal);
        Assert.Contains("[OdooField(\"x_sink\")]\n    public partial string? XSinkValue { get; }", source, StringComparison.Ordinal);
        Assert.Contains("[OdooField(\"partner_name\")]\n    public partial string? PartnerNameValue { get; }", source, StringComparison.Ordinal);
        Assert.Contains("[Many2One(\"partner_id\")]\n    public partial Partner? Partner { get; }", source, StringComparison.Ordinal);
        Assert.Contains("[Many2Many(\"tag_ids\")]\n    public partial IReadOnlyList<XSinkTag> Tags { get; }", source, StringComparison.Ordinal);
        Assert.Contains("[Many2Many(\"follower_ids\")]\n    public partial IReadOnlyList<User> Followers { get; }", source, StringComparison.Ordinal);
        Assert.Contains("public partial JsonElement? Payload { get; }", source, StringComparison.Ordinal);
        Assert.Contains("public partial string? Attachment { get; }", source, StringComparison.Ordinal);
        Assert.Contains("public partial bool Active { get; }", source, StringComparison.Ordinal);
        Assert.Contains("public partial int Sequence { get; }", source, StringComparison.Ordinal);
        Assert.Contains("public partial string? XStudio2ndName { get; }", source, StringComparison.Ordinal);
        Assert.DoesNotContain("message_follower_count", source, StringComparison.Ordinal);
        Assert.True(File.Exists(dir.File("User.cs")));      // stub for res.users
        Assert.True(File.Exists(dir.File("XSinkTag.cs")));  // stub for x_sink.tag

        var compiled = Compiler.CompileDirectory(dir.Path, extra: [("Probe.cs", KitchenSinkProbe)]);
        Assert.True(compiled.Diagnostics.Count == 0, compiled.Describe() + "\n" + source);
        using var loaded = compiled.Load();
        await using var client = await OdooClient.ConnectAsync(new OdooClientOptions
        {
            Url = server.BaseUrl, Database = server.Database, Username = server.Username, Password = server.Password, Protocol = OdooProtocol.JsonRpc,
        });
        var result = await loaded.CallAsync<string>("Kitchen.Probe", "RunAsync", client);
        Assert.Equal($"OutInvoice|Value1|12.34|2025-01-31|2025-02-01 10:11:12|<p>hi</p>|src|snk|{partner}|Ann|Ann (typed)|2|1|aGk=|True|True|True|True|True", result);
    }

    [Fact]
    public async Task Follow_relations_scaffolds_targets_transitively_and_everything_compiles()
    {
        await using var server = await OdooTestServer.StartAsync();
        Schemas.DefineReferralCode(server);
        Schemas.DefineIrModel(server);
        using var dir = new TempDir();
        var run = await Cli.RunAsync(["scaffold", "openstack.referral_code", "--follow-relations", "-n", "Followed", "-o", dir.Path, "--strip-prefix", "openstack.,res.", .. Cli.Connection(server)]);
        Assert.True(run.ExitCode == 0, run.ToString());
        var files = Directory.GetFiles(dir.Path).Select(Path.GetFileName).ToHashSet();
        // referral_code -> credit.type -> product.product; -> res.partner -> res.partner.category, res.country, res.users
        foreach (var expected in new[] { "ReferralCode.cs", "CreditType.cs", "Product.cs", "Partner.cs", "PartnerCategory.cs", "Country.cs", "User.cs" })
        {
            Assert.Contains(expected, files);
        }
        Assert.Contains("public partial string? Email { get; }", File.ReadAllText(dir.File("Partner.cs")), StringComparison.Ordinal);
        Assert.Contains("[One2Many(\"child_ids\")]\n    public partial IReadOnlyList<Partner> Children { get; }", File.ReadAllText(dir.File("Partner.cs")), StringComparison.Ordinal);
        Assert.Contains("read 7 model(s) in ", run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("[1/", run.Err, StringComparison.Ordinal); // redirected: no line per model
        var compiled = Compiler.CompileDirectory(dir.Path);
        Assert.True(compiled.Diagnostics.Count == 0, compiled.Describe());

        // With a limit, the rest become stubs.
        using var limited = new TempDir();
        run = await Cli.RunAsync(["scaffold", "openstack.referral_code", "--follow-relations", "--max-models", "2", "-o", limited.Path, .. Cli.Connection(server)]);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("stub(s)", run.Err, StringComparison.Ordinal);
        Assert.True(Compiler.CompileDirectory(limited.Path).Diagnostics.Count == 0);
    }

    [Fact]
    public async Task Existing_assembly_records_are_used_for_relation_targets()
    {
        await using var server = await OdooTestServer.StartAsync();
        Schemas.DefineReferralCode(server);
        using var dir = new TempDir();
        var existing = Compiler.Compile([("Existing.cs", """
            using Odoo;
            namespace Existing.Models;
            /// <summary>A contact.</summary>
            [OdooModel("res.partner")]
            public partial record Contact
            {
                /// <summary>The name.</summary>
                public partial string? Name { get; }
            }
            """)], assemblyName: "Existing.Models");
        Assert.True(existing.Diagnostics.Count == 0, existing.Describe());
        var dll = existing.SaveTo(dir.File("Existing.Models.dll"));
        var outDir = Path.Combine(dir.Path, "out");

        var run = await Cli.RunAsync(["scaffold", "openstack.referral_code", "--existing-assembly", dll, "-n", "Billing", "-o", outDir, .. Cli.Connection(server)]);
        Assert.True(run.ExitCode == 0, run.ToString());
        var source = File.ReadAllText(Path.Combine(outDir, "OpenstackReferralCode.cs"));
        Assert.Contains("public partial IReadOnlyList<global::Existing.Models.Contact> Referrals { get; }", source, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(outDir, "Partner.cs")));
        Assert.True(File.Exists(Path.Combine(outDir, "OpenstackCreditType.cs"))); // a stub

        var compiled = Compiler.CompileDirectory(outDir, referencePaths: [dll]);
        Assert.True(compiled.Diagnostics.Count == 0, compiled.Describe());
    }

    [Fact]
    public async Task Existing_files_are_kept_unless_forced_and_stubs_never_replace_a_file()
    {
        await using var server = await OdooTestServer.StartAsync();
        Schemas.DefineReferralCode(server);
        using var dir = new TempDir();
        File.WriteAllText(dir.File("Partner.cs"), "// mine");
        string[] args = ["scaffold", "openstack.referral_code", "--strip-prefix", "openstack.,res.", "-o", dir.Path, "-q", .. Cli.Connection(server)];
        var run = await Cli.RunAsync(args);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("// mine", File.ReadAllText(dir.File("Partner.cs")));
        Assert.Equal("", run.Err);

        run = await Cli.RunAsync(args);
        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.ErrLines);
        Assert.Contains("ReferralCode.cs already exists", run.Err, StringComparison.Ordinal);
        Assert.Contains("--force", run.Err, StringComparison.Ordinal);

        run = await Cli.RunAsync([.. args, "--force"]);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("// mine", File.ReadAllText(dir.File("Partner.cs")));
    }
}
