using Odoo.Generator.Parsing;
using Odoo.Generator.Tests.Infrastructure;
using Odoo.Metadata;

namespace Odoo.Generator.Tests;

/// <summary>
/// The base record's fields the generator knows (alias targets such as <c>[FieldAlias(nameof(CreateUid))]</c>) are read
/// from the runtime's <c>OdooRecord</c>, and agree with the runtime's own metadata of them.
/// </summary>
public sealed class BaseRecordMembersTests
{
    [Fact]
    public void The_base_record_members_read_from_OdooRecord_match_the_runtime_base_field_metadata()
    {
        var compilation = GeneratorHarness.CreateCompilation(["namespace Ns; internal static class Empty { }"]);
        var members = BaseRecordMembers.Read(KnownSymbols.For(compilation).OdooRecord);

        Assert.NotEmpty(OdooModelMetadata.BaseFields);
        foreach (var field in OdooModelMetadata.BaseFields)
        {
            Assert.True(members.TryGetValue(field.Name, out var member), $"{field.Name} was not read from OdooRecord");
            Assert.Equal(field.RemoteName, member.RemoteName);
            Assert.Equal(field.Kind.ToString(), member.Kind);
            Assert.Equal(field.ClrType, member.Type);
            if (field.NameProperty is { } nameProperty)
            {
                Assert.True(members.TryGetValue(nameProperty, out var name), $"{nameProperty} was not read from OdooRecord");
                Assert.Equal(field.RemoteName, name.RemoteName);
                Assert.Equal(nameof(OdooFieldKind.Many2One), name.Kind);
            }
        }
    }
}
