using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Odoo.Generator.Diagnostics;
using Odoo.Generator.Tests.Infrastructure;

namespace Odoo.Generator.Tests;

/// <summary>Each ODOO diagnostic: the message a user sees and where it points.</summary>
public sealed class DiagnosticTests
{
    private const string Header = """
        using System;
        using System.Collections.Generic;
        using Odoo;
        namespace Ns;
        /// <summary>A valid target.</summary>
        [OdooModel("res.partner")]
        public partial record Partner
        {
            /// <summary>Name.</summary>
            public partial string Name { get; }
        }

        """;

    private static Diagnostic Single(string body, DiagnosticDescriptor descriptor, string expectedMessagePart, string markedText, LanguageVersion version = LanguageVersion.CSharp13)
    {
        var source = Header + body;
        var run = GeneratorHarness.Run([source], version, compile: false);
        var d = Assert.Single(run.Odoo, x => x.Id == descriptor.Id);
        Assert.Same(descriptor, d.Descriptor);
        Assert.Contains(expectedMessagePart, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal(markedText, source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length));
        Assert.DoesNotContain(run.Odoo, x => x.Id == DiagnosticDescriptors.InternalError.Id);
        return d;
    }

    [Fact]
    public void ODOO001_record_not_partial() => Single(
        """[OdooModel("a.b")] public record Plain { }""",
        DiagnosticDescriptors.NotPartial, "'Plain' must be declared partial so OdooGen can add the generated members: write 'partial record Plain'", "Plain");

    [Fact]
    public void ODOO001_containing_type_not_partial() => Single(
        """public class Outer { [OdooModel("a.b")] public partial record Inner { } }""",
        DiagnosticDescriptors.NotPartial, "'Outer' must be declared partial", "Inner");

    [Fact]
    public void ODOO002_property_not_partial() => Single(
        """[OdooModel("a.b")] public partial record R { /** <summary>x</summary> */ public int Count { get; } }""",
        DiagnosticDescriptors.PropertyNotPartial, "Property 'R.Count' is not partial", "Count");

    [Fact]
    public void ODOO003_class_instead_of_record() => Single(
        """[OdooModel("a.b")] public partial class C { }""",
        DiagnosticDescriptors.NotARecord, "'C' is a class; [OdooModel] needs a reference record: declare it 'public partial record C'", "C");

    [Fact]
    public void ODOO004_unsupported_type() => Single(
        """[OdooModel("a.b")] public partial record R { /** <summary>x</summary> */ public partial Guid Key { get; } }""",
        DiagnosticDescriptors.UnsupportedType, "Property 'R.Key' has type 'Guid', which OdooGen cannot read from Odoo", "Key");

    [Fact]
    public void ODOO005_relation_target_without_model() => Single(
        """public record NotAModel; [OdooModel("a.b")] public partial record R { /** <summary>x</summary> */ [Many2One("x_id")] public partial NotAModel X { get; } }""",
        DiagnosticDescriptors.TargetNotModel, "Relation 'R.X' points to 'NotAModel', which has no [OdooModel] attribute", "X");

    [Fact]
    public void ODOO006_relation_without_attribute() => Single(
        """[OdooModel("a.b")] public partial record R { /** <summary>x</summary> */ public partial Partner Owner { get; } }""",
        DiagnosticDescriptors.RelationShape, "add [Many2One(\"owner_id\")] with the Odoo field name", "Owner");

    [Fact]
    public void ODOO007_same_model_declared_twice() => Single(
        """[OdooModel("res.partner")] public partial record Contact { }""",
        DiagnosticDescriptors.DuplicateModel, "The Odoo model 'res.partner' is declared by both 'Ns.Contact' and 'Ns.Partner'", "Partner");

    [Fact]
    public void ODOO007_does_not_count_records_that_extend_a_base()
    {
        var run = GeneratorHarness.Run([Header + """[OdooModel] public partial record BillingPartner : Partner { }"""], compile: false);
        Assert.Empty(run.Odoo);
    }

    [Fact]
    public void ODOO008_two_properties_one_remote_field() => Single(
        """[OdooModel("a.b")] public partial record R { /** <summary>x</summary> */ public partial string Code { get; } /** <summary>x</summary> */ [OdooField("code")] public partial string? Code2 { get; } }""",
        DiagnosticDescriptors.DuplicateRemoteField, "Properties 'R.Code' and 'R.Code2' both map to the Odoo field 'code'", "Code2");

    [Fact]
    public void ODOO009_empty_model_name() => Single(
        """[OdooModel("")] public partial record R { }""",
        DiagnosticDescriptors.InvalidModelName, "a record without a model name must derive from another [OdooModel] record", "R");

    [Fact]
    public void ODOO009_malformed_model_name() => Single(
        """[OdooModel("res partner!")] public partial record R { }""",
        DiagnosticDescriptors.InvalidModelName, "'R' has the Odoo model name 'res partner!', which is not a model name", "R");

    [Fact]
    public void ODOO010_alias_to_missing_property() => Single(
        """[OdooModel("a.b")] public partial record R { /** <summary>x</summary> */ [FieldAlias("Nope")] public partial int Colour { get; } }""",
        DiagnosticDescriptors.AliasTargetMissing, "Alias 'R.Colour' points to 'Nope', which is not a property of 'R'", "Colour");

    [Fact]
    public void ODOO011_alias_cycle() => Single(
        """[OdooModel("a.b")] public partial record R { /** <summary>x</summary> */ [FieldAlias("B")] public partial int A { get; } /** <summary>x</summary> */ [FieldAlias("A")] public partial int B { get; } }""".Replace("public partial int B", "public partial int B"),
        DiagnosticDescriptors.AliasCycle, "Aliases on 'R' form a cycle (A -> B -> A)", "A");

    [Fact]
    public void ODOO012_nested_in_generic_type() => Single(
        """public partial class Box<T> { [OdooModel("a.b")] public partial record Inner { } }""",
        DiagnosticDescriptors.GenericNotSupported, "'Inner' is generic or nested in the generic type 'Box'", "Inner");

    [Fact]
    public void ODOO013_csharp_older_than_13()
    {
        var source = """
            using Odoo;
            [OdooModel("a.b")] public partial record Old { }
            """;
        var run = GeneratorHarness.Run([source], LanguageVersion.CSharp12, compile: false);
        var d = Assert.Single(run.Odoo);
        Assert.Same(DiagnosticDescriptors.LanguageVersion, d.Descriptor);
        Assert.Contains("'Old' needs C# 13 or later for partial properties (this project uses C# 12)", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Old", source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length));
    }

    [Fact]
    public void ODOO014_invalid_field_name() => Single(
        """[OdooModel("a.b")] public partial record R { /** <summary>x</summary> */ [OdooField("bad name")] public partial int X { get; } }""",
        DiagnosticDescriptors.InvalidRemoteName, "Property 'R.X' maps to the Odoo field name 'bad name'", "X");

    [Fact]
    public void ODOO015_generated_member_collides() => Single(
        """[OdooModel("a.b")] public partial record R { /** <summary>x</summary> */ [Many2One("owner_id")] public partial Partner Owner { get; } /** <summary>x</summary> */ public int OwnerId => 1; }""",
        DiagnosticDescriptors.MemberNameCollision, "OdooGen would generate 'R.OwnerId' for 'Owner', but that name is already used", "Owner");

    [Fact]
    public void ODOO015_member_named_like_a_generated_private_member() => Single(
        """[OdooModel("a.b")] public partial record R { /** <summary>x</summary> */ [Many2One("owner_id")] public partial Partner Owner { get; } private int __id_Owner = 0; /** <summary>x</summary> */ public int Peek => __id_Owner; }""",
        DiagnosticDescriptors.MemberNameCollision, "OdooGen would generate 'R.__id_Owner' for 'Owner', but that name is already used", "Owner");

    [Fact]
    public void ODOO015_member_named_like_a_generated_record_member() => Single(
        """[OdooModel("a.b")] public partial record R { /** <summary>x</summary> */ public static int Metadata => 1; }""",
        DiagnosticDescriptors.MemberNameCollision, "OdooGen would generate 'R.Metadata' for 'R', but that name is already used", "Metadata");

    [Fact]
    public void ODOO015_member_named_like_the_generated_nested_manager() => Single(
        """public static partial class Outer { [OdooModel("a.b")] private partial record R { private sealed class __Manager { } } }""",
        DiagnosticDescriptors.MemberNameCollision, "OdooGen would generate 'R.__Manager' for 'R', but that name is already used", "__Manager");

    [Fact]
    public void ODOO015_property_hiding_a_base_record_member() => Single(
        """[OdooModel] public partial record BillingPartner : Partner { /** <summary>x</summary> */ public partial string Name { get; } }""",
        DiagnosticDescriptors.MemberNameCollision, "OdooGen would generate 'BillingPartner.Name' for 'Name', but that name is already used", "Name");

    [Fact]
    public void Plain_properties_named_like_generated_private_members_compile()
    {
        // A many2one with explicit IdProperty/NameProperty frees the names PName/PId; plain properties
        // may then use them, and every name a private member was once derived from (issue: CS0102).
        var run = GeneratorHarness.Run(Header + """
            /// <summary>x</summary>
            public enum Kind { /** <summary>x</summary> */ A, /** <summary>x</summary> */ B }
            /// <summary>x</summary>
            [OdooModel("a.b")]
            public partial record R
            {
                /// <summary>x</summary>
                [Many2One("p_id", IdProperty = "PKey", NameProperty = "PLabel")] public partial Partner? P { get; }
                /// <summary>x</summary>
                public partial string? PName { get; }
                /// <summary>x</summary>
                [OdooField("p_ref")] public partial int PId { get; }
                /// <summary>x</summary>
                public partial bool PSlot { get; }
                /// <summary>x</summary>
                public partial IReadOnlyList<int> PIds { get; }
                /// <summary>x</summary>
                public partial string? PUnknown { get; }
                /// <summary>x</summary>
                public partial int ReadP { get; }
                /// <summary>x</summary>
                public partial int GetPSlot { get; }
                /// <summary>x</summary>
                public partial int GetPIdForLoad { get; }
                /// <summary>x</summary>
                public partial Kind K { get; }
                /// <summary>x</summary>
                public partial string? KUnknown { get; }
                /// <summary>x</summary>
                public partial int ReadK { get; }
                /// <summary>x</summary>
                public partial int KeyK { get; }
                /// <summary>x</summary>
                public partial int Loaded0 { get; }
                /// <summary>x</summary>
                public partial int CreateMetadata { get; }
                /// <summary>x</summary>
                [Many2Many("q_ids", IdsProperty = "QKeys")] public partial IReadOnlyList<Partner> Qs { get; }
                /// <summary>x</summary>
                [OdooField("qs_plain")] public partial IReadOnlyList<int> QsIds { get; }
                /// <summary>x</summary>
                public partial int GetQsIdsForLoad { get; }
            }
            """);
        Assert.Empty(run.Odoo);
        Assert.Empty(run.Errors);
    }

    [Fact]
    public void ODOO016_setter() => Single(
        """[OdooModel("a.b")] public partial record R { /** <summary>x</summary> */ public partial int X { get; set; } }""",
        DiagnosticDescriptors.UnsupportedAccessors, "Property 'R.X' has a set accessor", "X");

    [Fact]
    public void ODOO016_init_on_a_relation() => Single(
        """[OdooModel("a.b")] public partial record R { /** <summary>x</summary> */ [Many2One("p_id")] public partial Partner P { get; init; } }""",
        DiagnosticDescriptors.UnsupportedAccessors, "Property 'R.P' has an init accessor, but relations are read from Odoo only", "P");

    [Fact]
    public void ODOO017_abstract() => Single(
        """[OdooModel("a.b")] public abstract partial record R { }""",
        DiagnosticDescriptors.AbstractModel, "'R' is abstract", "R");

    [Fact]
    public void ODOO018_invalid_version() => Single(
        """[OdooModel("a.b")] public partial record R { /** <summary>x</summary> */ [OdooFieldVersion("thirteen", "type")] public partial int X { get; } }""",
        DiagnosticDescriptors.InvalidVersion, "[OdooFieldVersion(\"thirteen\", ...)], which is not an Odoo version", "X");

    [Fact]
    public void ODOO019_base_not_a_model() => Single(
        """public record Plain; [OdooModel("a.b")] public partial record R : Plain { }""",
        DiagnosticDescriptors.InvalidBase, "'R' derives from 'Plain', which is not an [OdooModel] record", "R");

    [Fact]
    public void ODOO020_same_client_property() => Single(
        """[OdooModel("a.b", ClientProperty = "Partners")] public partial record Other { }""",
        DiagnosticDescriptors.DuplicateClientProperty, "would both add the client property 'Partners' in namespace 'Ns'", "Partner");

    [Fact]
    public void ODOO021_alias_type_differs() => Single(
        """[OdooModel("a.b")] public partial record R { /** <summary>x</summary> */ public partial int Color { get; } /** <summary>x</summary> */ [FieldAlias(nameof(Color))] public partial string Colour { get; } }""",
        DiagnosticDescriptors.AliasTypeMismatch, "Alias 'R.Colour' has type 'string' but its target 'Color' has type 'int'", "Colour");

    [Fact]
    public void ODOO022_invalid_manager_name() => Single(
        """[OdooModel("a.b", ManagerName = "Not valid")] public partial record R { }""",
        DiagnosticDescriptors.InvalidGeneratedName, "'R' sets ManagerName = \"Not valid\", which is not a C# identifier", "R");

    [Fact]
    public void Invalid_properties_are_stubbed_so_the_ODOO_error_is_the_only_one()
    {
        var run = GeneratorHarness.Run(Header + """/** <summary>x</summary> */ [OdooModel("a.b")] public partial record R { /** <summary>x</summary> */ public partial Guid Key { get; } }""");
        Assert.Equal([DiagnosticDescriptors.UnsupportedType], run.Odoo.Select(d => d.Descriptor));
        Assert.Empty(run.Errors);
    }

    [Fact]
    public void Every_descriptor_is_listed_in_the_release_tracking_file()
    {
        var dir = TestPaths.ProjectDirectory;
        var unshipped = File.ReadAllText(Path.Combine(dir, "..", "..", "src", "Odoo.Generator", "AnalyzerReleases.Unshipped.md"));
        foreach (var d in DiagnosticDescriptors.All)
        {
            Assert.Contains(d.Id + " | OdooGen | Error |", unshipped);
        }
    }
}
