using System.Text.Json;
using Odoo.Metadata;
using Odoo.Models.OpenStack;
using Odoo.Schema;
using Odoo.Testing;
using Xunit.Abstractions;

namespace Odoo.Cli.Tests;

public sealed class CheckTests(ITestOutputHelper output)
{
    private static readonly OdooVersion Odoo18 = OdooVersion.Parse("18.0");

    private static string OpenStackAssembly => typeof(ReferralCode).Assembly.Location;

    private static IReadOnlyList<OdooModelMetadata> OpenStackModels => OdooModelAssembly.GetModels(typeof(ReferralCode).Assembly);

    /// <summary>
    /// The server schema the declarations describe (Odoo.Testing builds it from the generated metadata):
    /// every declared field with its kind, relation and selection, required where the declaration is
    /// non-nullable (so a clean check is clean).
    /// </summary>
    private static List<OdooModelSchema> SchemaFor(IEnumerable<OdooModelMetadata> models) =>
        [.. OdooModelSchema.FromMetadata(models, new OdooMetadataSchemaOptions { Version = Odoo18, RequireNonNullable = true })];

    /// <summary>Defines the schemas: models the server lacks are defined, the others get the declared fields.</summary>
    private static void Apply(OdooTestServer server, IReadOnlyList<OdooModelSchema> schemas)
    {
        foreach (var s in schemas)
        {
            if (server.GetSchema(s.Name) is null) server.DefineModel(s);
            else server.AddFields(s.Name, [.. s.Fields]);
        }
    }

    private static OdooModelSchema Drift(List<OdooModelSchema> schemas, string model, Func<OdooModelSchema, OdooModelSchema> change)
    {
        var i = schemas.FindIndex(s => s.Name == model);
        schemas[i] = change(schemas[i]);
        return schemas[i];
    }

    private static OdooModelSchema Rebuild(OdooModelSchema s, Func<OdooFieldSchema, OdooFieldSchema?> map)
    {
        var copy = new OdooModelSchema(s.Name, s.Description);
        foreach (var f in s.Fields)
        {
            if (map(f) is { } g) copy.Add(g);
        }
        return copy;
    }

    [Fact]
    public async Task OpenStack_models_against_a_matching_server_are_clean()
    {
        await using var server = await OdooTestServer.StartAsync();
        Apply(server, SchemaFor(OpenStackModels));

        var run = await Cli.RunAsync(["check", "--assembly", OpenStackAssembly, .. Cli.Connection(server)]);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"^\d+ model\(s\), \d+ field\(s\) checked against Odoo 18\.0: no drift\.\n$", run.Out);
        // stderr is not a terminal here: one summary line, no line per model.
        Assert.StartsWith($"checked {OpenStackModels.Select(m => m.ModelName).Distinct().Count()} model(s) in ", Assert.Single(run.ErrLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenStack_models_against_a_drifted_server_report_each_drift_and_exit_1()
    {
        await using var server = await OdooTestServer.StartAsync();
        var schemas = SchemaFor(OpenStackModels);
        // A field removed, a many2one turned many2many, a selection value added.
        Drift(schemas, "openstack.referral_code", s => Rebuild(s, f => f.Name switch
        {
            "allowed_uses" => null,
            "referral_credit_type" => new OdooFieldSchema(f.Name, OdooFieldType.Many2Many) { Relation = f.Relation },
            _ => f,
        }));
        Drift(schemas, "account.move", s => Rebuild(s, f => f.Name == "state"
            ? new OdooFieldSchema(f.Name, OdooFieldType.Selection) { Required = f.Required, SelectionValues = [.. f.SelectionValues, new("archived", "Archived")] }
            : f));
        Apply(server, schemas);

        var run = await Cli.RunAsync(["check", "--assembly", OpenStackAssembly, "--json", .. Cli.Connection(server)]);
        Assert.True(run.ExitCode == 1, run.ToString());
        using var doc = JsonDocument.Parse(run.Out);
        var root = doc.RootElement;
        Assert.False(root.GetProperty("clean").GetBoolean());
        Assert.Equal("18.0", root.GetProperty("serverVersion").GetString());
        var findings = root.GetProperty("findings").EnumerateArray()
            .Select(f => (Model: f.GetProperty("model").GetString(), Field: f.GetProperty("field").GetString(), Kind: f.GetProperty("kind").GetString(), Severity: f.GetProperty("severity").GetString(),
                Declared: f.GetProperty("declared").GetString(), Server: f.GetProperty("server").GetString()))
            .ToList();
        Assert.Equal(
            [
                ("account.move", "state", "SelectionValueNotCovered", "Error", "AccountMoveState (3 values)", "+archived"),
                ("openstack.referral_code", "allowed_uses", "FieldMissing", "Error", "integer", "(none)"),
                ("openstack.referral_code", "referral_credit_type", "TypeChanged", "Error", "many2one -> openstack.credit.type", "many2many -> openstack.credit.type"),
            ],
            findings.Where(f => f.Severity != "Info").OrderBy(f => f.Model, StringComparer.Ordinal).ThenBy(f => f.Field, StringComparer.Ordinal));
        Assert.Equal(3, root.GetProperty("errors").GetInt32());
        Assert.Equal(0, root.GetProperty("warnings").GetInt32());

        // The table: aligned columns, one row per finding, a summary.
        run = await Cli.RunAsync(["check", "-a", OpenStackAssembly, "-q", .. Cli.Connection(server)]);
        Assert.True(run.ExitCode == 1, run.ToString());
        output.WriteLine(run.Out);
        Assert.Equal("", run.Err);
        var lines = run.Out.Split('\n');
        Assert.StartsWith("SEVERITY  MODEL", lines[0], StringComparison.Ordinal);
        var column = lines[0].IndexOf("FIELD", StringComparison.Ordinal);
        var row = lines.Single(l => l.Contains("allowed_uses", StringComparison.Ordinal));
        Assert.Equal(column, row.IndexOf("allowed_uses", StringComparison.Ordinal));
        Assert.StartsWith("error", row, StringComparison.Ordinal);
        Assert.Contains("field-missing", row, StringComparison.Ordinal);
        Assert.Contains("3 error(s), 0 warning(s)", run.Out, StringComparison.Ordinal);

        // Only one model.
        run = await Cli.RunAsync(["check", "-a", OpenStackAssembly, "--model", "account.move", "--json", .. Cli.Connection(server)]);
        Assert.Equal(1, run.ExitCode);
        using var one = JsonDocument.Parse(run.Out);
        Assert.All(one.RootElement.GetProperty("findings").EnumerateArray(), f => Assert.Equal("account.move", f.GetProperty("model").GetString()));
    }

    [Fact]
    public async Task The_library_call_checks_the_real_fields_get_sample()
    {
        // The real Odoo 18 referral code (wire sample 11) against the shipped declaration: they agree
        // (the declaration's 'name' is nullable because Odoo 18 does not require it).
        await using var server = await OdooTestServer.StartAsync();
        Schemas.DefineReferralCode(server);
        await using var client = await OdooClient.ConnectAsync(new OdooClientOptions
        {
            Url = server.BaseUrl, Database = server.Database, Username = server.Username, Password = server.Password, Protocol = OdooProtocol.JsonRpc,
        });
        var report = await OdooSchemaChecker.CheckAsync(client, [ReferralCode.Metadata]);
        Assert.Empty(report.Findings);
        Assert.True(report.IsClean);
        Assert.False(report.HasErrors);
        Assert.Equal(1, report.ModelsChecked);
        Assert.Equal(ReferralCode.Metadata.Fields.Count(f => f.AliasOf is null && !OdooScaffolder.BaseFieldNames.Contains(f.RemoteName)), report.FieldsChecked);
    }

    private const string Declarations = """
        using System.Collections.Generic;
        using Odoo;

        namespace Declared;

        /// <summary>A thing.</summary>
        [OdooModel("x.thing")]
        public partial record Thing
        {
            /// <summary>Required on the server.</summary>
            public partial string Name { get; }

            /// <summary>Not required on the server: unsafe.</summary>
            public partial string Code { get; }

            /// <summary>Fine.</summary>
            public partial string? Note { get; }

            /// <summary>Retargeted on the server.</summary>
            [Many2One("owner_id")]
            public partial Owner? Owner { get; }

            /// <summary>A selection the server shrank.</summary>
            public partial Kind Kind { get; }
        }

        /// <summary>Kinds.</summary>
        public enum Kind
        {
            /// <summary>A.</summary>
            A,
            /// <summary>B.</summary>
            B,
        }

        /// <summary>An owner.</summary>
        [OdooModel("x.owner")]
        public partial record Owner;

        /// <summary>Gone from the server.</summary>
        [OdooModel("x.gone")]
        public partial record Gone;
        """;

    [Fact]
    public async Task A_compiled_assembly_reports_relations_nullability_removed_values_and_missing_models()
    {
        using var dir = new TempDir();
        var compiled = Compiler.Compile([("Declared.cs", Declarations)], assemblyName: "Declared");
        Assert.True(compiled.Diagnostics.Count == 0, compiled.Describe());
        var dll = compiled.SaveTo(dir.File("Declared.dll"));

        await using var server = await OdooTestServer.StartAsync();
        server.DefineModel(new OdooModelSchema("x.owner").Char("name"));
        server.DefineModel(new OdooModelSchema("x.thing")
            .Char("name", required: true)
            .Char("code")
            .Text("note")
            .Many2One("owner_id", "res.partner")
            .Selection("kind", ["a"], required: true));

        var run = await Cli.RunAsync(["check", "--assembly", dll, "--json", .. Cli.Connection(server)]);
        Assert.True(run.ExitCode == 1, run.ToString());
        using var doc = JsonDocument.Parse(run.Out);
        var findings = doc.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => $"{f.GetProperty("model").GetString()} {(f.TryGetProperty("field", out var x) ? x.GetString() : "-")} {f.GetProperty("kind").GetString()} {f.GetProperty("severity").GetString()}")
            .ToList();
        Assert.Equal(
            [
                "x.gone - ModelMissing Error",
                "x.thing code NullableUnsafe Warning",
                "x.thing owner_id RelationChanged Error",
                "x.thing kind SelectionValueRemoved Info",
            ],
            findings);

        // Warnings and infos only: exit 1 by default, 0 with --fail-on error.
        server.DefineModel(new OdooModelSchema("x.gone"));
        server.DefineModel(new OdooModelSchema("x.thing").Char("name", required: true).Char("code").Text("note").Many2One("owner_id", "x.owner").Selection("kind", ["a", "b"]));
        run = await Cli.RunAsync(["check", "--assembly", dll, .. Cli.Connection(server)]);
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("0 error(s), 2 warning(s), 0 info(s)", run.Out, StringComparison.Ordinal); // code, and kind (not required)
        run = await Cli.RunAsync(["check", "--assembly", dll, "--fail-on", "error", .. Cli.Connection(server)]);
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    [Fact]
    public void Loading_an_assembly_file_reads_the_registered_models_and_unloads()
    {
        using var asm = OdooModelAssembly.Load(OpenStackAssembly);
        Assert.Contains(asm.Models, m => m.ModelName == "openstack.referral_code" && m.RecordType == "Odoo.Models.OpenStack.ReferralCode");
        Assert.Equal("Odoo.Models.OpenStack.Partner", asm.RecordTypes()["res.partner"]);
        Assert.NotSame(typeof(ReferralCode).Assembly, asm.Assembly); // its own, collectible copy
        Assert.Same(typeof(OdooModelMetadata).Assembly, asm.Models[0].GetType().Assembly); // Odoo.Runtime is shared
    }

    [Fact]
    public void Compare_offline_follows_version_names_and_tolerates_raw_json()
    {
        var model = new OdooModelMetadata("x.m", "Ns.M",
        [
            .. OdooModelMetadata.BaseFields,
            new("Lines", "line_ids", OdooFieldKind.One2Many) { RelationModel = "x.line", IdsProperty = "LineIds" },
            new("Raw", "raw", OdooFieldKind.Json) { IsNullable = false },
            new("Kind", "kind_new", OdooFieldKind.Char) { IsNullable = true, RemoteNamesByVersion = new Dictionary<string, string> { ["13.0"] = "kind_old" } },
            new("Other", "", OdooFieldKind.Json) { AliasOf = "Raw" },
        ]);
        var server = new OdooServerModel("x.m", null,
        [
            new("line_ids", "many2many") { Relation = "x.line" },
            new("raw", "many2one") { Relation = "res.partner" },
            new("kind_old", "char"),
        ]);

        var on13 = OdooSchemaChecker.Compare(model, server, OdooVersion.Parse("13.0"));
        var swap = Assert.Single(on13);
        Assert.Equal((OdooDriftKind.TypeChanged, OdooDriftSeverity.Warning, "Lines"), (swap.Kind, swap.Severity, swap.Property));
        Assert.Contains("[Many2Many]", swap.Message, StringComparison.Ordinal);

        var on18 = OdooSchemaChecker.Compare(model, server, OdooVersion.Parse("18.0"));
        Assert.Equal([OdooDriftKind.TypeChanged, OdooDriftKind.FieldMissing], on18.Select(f => f.Kind));
        Assert.Equal("kind_new", on18[1].Field);

        var report = new OdooDriftReport(on18, 1, 3);
        Assert.True(report.HasErrors);
        Assert.True(report.HasFindings(OdooDriftSeverity.Warning));
        Assert.Contains("1 model(s), 3 field(s) checked: 1 error(s), 1 warning(s), 0 info(s).", report.ToTable(), StringComparison.Ordinal);
        Assert.Equal("1 model(s), 0 field(s) checked: no drift.\n", new OdooDriftReport([], 1, 0).ToTable());
    }
    [Fact]
    public void Compare_offline_tells_fields_Odoo_fills_itself_from_fields_it_may_leave_empty()
    {
        // Non-nullable declarations of fields Odoo 18 does not require (shapes from its fields_get).
        var model = new OdooModelMetadata("x.order", "Ns.Order",
        [
            .. OdooModelMetadata.BaseFields,
            new("Company", "company_id", OdooFieldKind.Many2One) { RelationModel = "res.company" },
            new("InvoiceStatus", "invoice_status", OdooFieldKind.Selection),
            new("State", "state", OdooFieldKind.Selection),
            new("UserName", "user_name", OdooFieldKind.Char),
            new("Reference", "reference", OdooFieldKind.Char),
            new("Stamp", "stamp", OdooFieldKind.Char),
            new("Note", "note", OdooFieldKind.Char),
            new("Origin", "origin", OdooFieldKind.Char) { IsNullable = true },
        ]);
        var server = new OdooServerModel("x.order", null,
        [
            new("company_id", "many2one") { Relation = "res.company", Readonly = true, Store = true, Related = "order_id.company_id", Depends = ["order_id.company_id"] },
            new("invoice_status", "selection") { Readonly = true, Store = true, Depends = ["state", "order_line.invoice_status"] },
            new("state", "selection") { Readonly = true, Store = true, HasDefault = true },
            new("user_name", "char") { Readonly = false, Store = false, Related = "partner_id.name", Depends = ["partner_id.name"] },
            new("reference", "char") { Readonly = false, Store = true, Depends = ["state"] }, // computed but writable: may be cleared
            new("stamp", "char") { Readonly = true, Store = true },                           // read-only, no default: only code sets it
            new("note", "char") { HasDefault = true },                                        // a default, but writable
            new("origin", "char"),
        ]);

        var findings = OdooSchemaChecker.Compare(model, server, OdooVersion.Parse("18.0"));

        Assert.Equal(
            [
                ("company_id", OdooDriftKind.NullableAssumed, OdooDriftSeverity.Info),
                ("invoice_status", OdooDriftKind.NullableAssumed, OdooDriftSeverity.Info),
                ("state", OdooDriftKind.NullableAssumed, OdooDriftSeverity.Info),
                ("user_name", OdooDriftKind.NullableAssumed, OdooDriftSeverity.Info),
                ("reference", OdooDriftKind.NullableUnsafe, OdooDriftSeverity.Warning),
                ("stamp", OdooDriftKind.NullableUnsafe, OdooDriftSeverity.Warning),
                ("note", OdooDriftKind.NullableUnsafe, OdooDriftSeverity.Warning),
            ],
            findings.Select(f => (f.Field, f.Kind, f.Severity)));
        Assert.Contains("mirrors order_id.company_id", findings[0].Message, StringComparison.Ordinal);
        Assert.Equal("many2one -> res.company, not required, related to order_id.company_id", findings[0].Server);
        Assert.Contains("computed from state, order_line.invoice_status", findings[1].Server, StringComparison.Ordinal);
        Assert.Contains("read-only, with a default", findings[2].Server, StringComparison.Ordinal);
    }

    [Fact]
    public void Fields_get_attributes_for_computed_related_and_stored_fields_are_read()
    {
        using var doc = JsonDocument.Parse("""
            {
              "state": {"type": "selection", "readonly": true, "store": true, "depends": [], "related": false, "selection": [["draft", "Draft"]]},
              "currency_id": {"type": "many2one", "relation": "res.currency", "readonly": true, "store": true, "depends": ["pricelist_id", "company_id"]},
              "name": {"type": "char", "store": false, "related": "partner_id.name", "depends": ["partner_id.name"]},
              "plain": {"type": "char"}
            }
            """);
        var fields = OdooServerField.ParseFieldsGet(doc.RootElement).ToDictionary(f => f.Name);

        Assert.Equal((true, null, false, false), (fields["state"].Store, fields["state"].Related, fields["state"].IsComputed, fields["state"].FilledByOdoo));
        Assert.True(fields["state"] with { HasDefault = true } is { FilledByOdoo: true });
        Assert.Equal(["pricelist_id", "company_id"], fields["currency_id"].Depends);
        Assert.True(fields["currency_id"].FilledByOdoo);
        Assert.Equal((false, "partner_id.name", true), (fields["name"].Store, fields["name"].Related, fields["name"].FilledByOdoo));
        Assert.Equal((null, 0, false), (fields["plain"].Store, fields["plain"].Depends.Count, fields["plain"].FilledByOdoo));
        Assert.Contains("depends", OdooServerSchema.FieldAttributes);
    }

    [Fact]
    public async Task A_read_only_field_with_a_default_is_filled_by_Odoo_and_does_not_fail_the_check()
    {
        using var dir = new TempDir();
        var compiled = Compiler.Compile([("Declared.cs", """
            using Odoo;

            namespace Declared;

            /// <summary>A ticket.</summary>
            [OdooModel("x.ticket")]
            public partial record Ticket
            {
                /// <summary>Read-only with a default (a status).</summary>
                public partial Stage Stage { get; }

                /// <summary>Read-only, no default: code sets it, or not.</summary>
                public partial string Stamp { get; }

                /// <summary>Writable with a default: a client may clear it.</summary>
                public partial string Channel { get; }
            }

            /// <summary>Stages.</summary>
            public enum Stage
            {
                /// <summary>New.</summary>
                New,
                /// <summary>Done.</summary>
                Done,
            }
            """)], assemblyName: "DeclaredTicket");
        Assert.True(compiled.Diagnostics.Count == 0, compiled.Describe());
        var dll = compiled.SaveTo(dir.File("DeclaredTicket.dll"));

        await using var server = await OdooTestServer.StartAsync();
        server.DefineModel(new OdooModelSchema("x.ticket")
            .Selection("stage", ["new", "done"], configure: f => { f.Readonly = true; f.Default = "new"; })
            .Char("stamp", configure: f => f.Readonly = true)
            .Char("channel", configure: f => f.Default = "web"));

        var run = await Cli.RunAsync(["check", "--assembly", dll, "--json", .. Cli.Connection(server)]);
        using var doc = JsonDocument.Parse(run.Out);
        var findings = doc.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => $"{f.GetProperty("field").GetString()} {f.GetProperty("kind").GetString()} {f.GetProperty("severity").GetString()}")
            .ToList();
        Assert.Equal(["stage NullableAssumed Info", "stamp NullableUnsafe Warning", "channel NullableUnsafe Warning"], findings);
        Assert.True(run.ExitCode == 1, run.ToString());

        // Only the fields the rule depends on are asked for, in one default_get.
        var asked = server.Requests.Where(r => r.Method == "default_get").ToList();
        Assert.Single(asked);
    }
}
