using System.Text.Json;
using Odoo.Domains;
using Odoo.Managers;
using Odoo.Metadata;
using Odoo.Values;

namespace Odoo.Models.OpenStack.Tests;

/// <summary>
/// The reference's local names (models.json) work wherever a field name is a string; misspelt names fail
/// before any request; lookups have id and dictionary forms keyed like <c>ToDictionary()</c>; lists load all
/// their relations with one read per related model; default fields keep the base properties usable.
/// </summary>
public sealed class PythonNamesTests
{
    public static TheoryData<string> RecordNames() => [.. ReferenceCatalogue.Current.Records.Select(r => r.Record)];

    /// <summary>The Odoo name a domain sends for <paramref name="name"/> on <paramref name="meta"/>.</summary>
    private static string Remote(OdooModelMetadata meta, string name)
    {
        using var doc = JsonDocument.Parse(OdooDomain.Equal(name, false).Encode(meta).ToString());
        return doc.RootElement[0][0].GetString()!;
    }

    [Theory]
    [MemberData(nameof(RecordNames))]
    public void Every_reference_local_name_resolves_to_its_Odoo_field(string recordName)
    {
        var record = ReferenceCatalogue.Current[recordName];
        var meta = ModelTypes.Metadata(ModelTypes.Record(recordName));
        var declaredRemotes = meta.Fields.Where(f => f.AliasOf is null).Select(f => f.RemoteName).ToHashSet();
        var problems = new List<string>();
        foreach (var field in ReferenceCatalogue.Current.BaseFields.Concat(record.Fields))
        {
            var difference = ExpectedDifferences.All.FirstOrDefault(d => d.Record == recordName && d.Member == field.Name);
            if (difference?.Kind == DifferenceKind.NotDeclared) continue;
            string actual;
            try
            {
                actual = Remote(meta, field.Name);
            }
            catch (ArgumentException e)
            {
                problems.Add($"{recordName}.{field.Name}: {e.Message}");
                continue;
            }
            // SaleOrderLine.tax / tax_name read a many2many as a pair: there is no single tax to name (the document says so).
            if (difference?.Kind == DifferenceKind.RelationChanged && meta.FindByName(Names.Pascal(field.Name)) is null) continue;
            if (difference?.Kind is DifferenceKind.Renamed or DifferenceKind.RelationChanged)
            {
                // Declared under Odoo 18's name: the reference's name reaches that declaration.
                if (!declaredRemotes.Contains(actual)) problems.Add($"{recordName}.{field.Name} -> {actual}, not a declared field");
                continue;
            }
            var expected = ExpectedRemote(record, field);
            if (actual != expected) problems.Add($"{recordName}.{field.Name} -> {actual}, expected {expected}");
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static string ExpectedRemote(RefRecord record, RefField field)
    {
        var seen = new HashSet<string>();
        while (field.AliasOf is { } target && seen.Add(field.Name)) field = record.Fields.Single(f => f.Name == target);
        return field.Relation?.RemoteField ?? field.Name;
    }

    [Theory]
    [InlineData("referral_credit_type_id", "referral_credit_type")]
    [InlineData("referral_credit_type_name", "referral_credit_type")]
    [InlineData("referral_credit_type", "referral_credit_type")]
    [InlineData("ReferralCreditTypeId", "referral_credit_type")]
    [InlineData("referral_ids", "referrals")]
    [InlineData("referrals", "referrals")]
    [InlineData("create_user.name", "create_uid.name")]
    [InlineData("CreateUid.Name", "create_uid.name")]
    [InlineData("CreateUser.Name", "create_uid.name")]
    [InlineData("write_user.login", "write_uid.login")]
    [InlineData("create_name", "create_uid")]
    [InlineData("referral_credit_type.name", "referral_credit_type.name")]
    [InlineData("reward_credit_type_id.product.name", "reward_credit_type.product.name")]
    [InlineData("x_studio_note", "x_studio_note")]
    public void Names_and_paths_on_a_referral_code(string name, string remote) => Assert.Equal(remote, Remote(ReferralCode.Metadata, name));

    [Fact]
    public void The_reference_paths_of_the_manager_notes()
    {
        // §6.2's examples (the 13.0 one is in the version tests).
        Assert.Equal("create_uid.name", Remote(User.Metadata, "create_user.name"));
        Assert.Equal("partner_id.os_projects.owner.name", Remote(User.Metadata, "partner.os_project_ids.owner.name"));
        Assert.Equal("parent_id.parent_id.name", Remote(ProductCategory.Metadata, "parent.parent.name"));
        Assert.Equal("invoice_line_ids.move_id.type", OdooDomain.Equal("invoice_lines.move.move_type", "x").Encode(AccountMove.Metadata, OdooVersion.Parse("13.0")).ToString()[3..32]);
        // The names: colour, tax_ids, os_project_id.
        Assert.Equal("color", Remote(PartnerCategory.Metadata, "colour"));
        Assert.Equal("taxes_id", Remote(Product.Metadata, "tax_ids"));
        Assert.Equal("os_project", Remote(SaleOrder.Metadata, "os_project_id"));
    }

    [Theory]
    [InlineData("referal_credit_type_id", "referral_credit_type_id")]
    [InlineData("ReferalCreditTypeId", "ReferralCreditTypeId")]
    [InlineData("alowed_uses", "allowed_uses")]
    [InlineData("referral_id", "referral_ids")]
    public async Task A_name_that_matches_nothing_fails_before_any_request(string name, string closest)
    {
        await using var odoo = await TestOdoo.StartAsync();
        odoo.Server.ClearRequests();
        var codes = odoo.Odoo.ReferralCodes;
        foreach (var call in new Func<Task>[]
        {
            () => codes.SearchAsync(OdooDomain.Equal(name, 1)),
            () => codes.SearchAsync(fields: [name]),
            () => codes.SearchAsync(order: name + " desc"),
            () => codes.CreateAsync(new OdooValues { [name] = 1 }),
            () => codes.CreateAsync(new Dictionary<string, object?> { [name] = 1 }),
            () => codes.GetByUniqueFieldAsync(name, 1),
            () => codes.GetIdByUniqueFieldAsync(name, 1),
        })
        {
            var e = await Assert.ThrowsAsync<ArgumentException>(call);
            Assert.Contains($"ReferralCode (openstack.referral_code) has no field or property named '{name}'", e.Message, StringComparison.Ordinal);
            Assert.Contains($"'{closest}'", e.Message, StringComparison.Ordinal);
        }
        Assert.Empty(odoo.Calls());
    }

    [Fact]
    public async Task Query_dictionaries_and_record_dictionaries_have_the_same_keys()
    {
        await using var odoo = await TestOdoo.StartAsync(server => TestOdoo.SeedReferralCodePage(server));
        var codes = odoo.Odoo.ReferralCodes;
        string[] fields = ["code", "referral_credit_type_id", "reward_credit_type", "referral_ids", "create_uid", "write_date"];
        var record = await codes.GetAsync(1234, fields);
        foreach (var raw in new[] { false, true })
        {
            var expected = record.ToDictionary(raw).Keys.Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(expected, (await codes.GetDictionaryAsync(1234, fields, raw)).Keys.Order(StringComparer.Ordinal));
            Assert.Equal(expected, (await codes.SearchDictionariesAsync(fields: fields, rawNames: raw))[0].Keys.Order(StringComparer.Ordinal));
            Assert.Equal(expected, (await codes.ListDictionariesAsync([1234], fields, raw))[0].Keys.Order(StringComparer.Ordinal));
            Assert.Equal(expected, (await codes.GetDictionaryByCodeAsync("WELCOME10", fields, raw)).Keys.Order(StringComparer.Ordinal));
        }
        var values = await codes.GetDictionaryAsync(1234, fields);
        Assert.Equal(record.ReferralCreditTypeId, values["ReferralCreditTypeId"].GetInt32());
        Assert.Equal(record.ReferralCreditTypeName, values["ReferralCreditTypeName"].GetString());
        Assert.Equal(record.ReferralIds, values["ReferralIds"].EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(record.CreateUid, values["CreateUid"].GetInt32());
    }

    [Fact]
    public async Task Id_and_dictionary_lookups_find_one_none_or_fail_on_several()
    {
        await using var odoo = await TestOdoo.StartAsync(server =>
        {
            TestOdoo.SeedReferralCodePage(server);
            server.Create("openstack.credit.type", new { name = "Twin", product = 1 });
            server.Create("openstack.credit.type", new { name = "Twin", product = 1 });
        });
        var types = odoo.Odoo.CreditTypes;
        Assert.Equal(11, await types.GetIdByNameAsync("Referral credit"));
        Assert.Null(await types.FindIdByNameAsync("Nothing"));
        Assert.Null(await types.FindDictionaryByNameAsync("Nothing"));
        Assert.Equal("Reward credit", (await types.GetDictionaryByNameAsync("Reward credit"))["Name"].GetString());
        var none = await Assert.ThrowsAsync<OdooRecordNotFoundException>(() => types.GetIdByNameAsync("Nothing"));
        Assert.Equal("CreditType record not found with 'Name' value: Nothing", none.Message);
        var several = await Assert.ThrowsAsync<OdooMultipleRecordsFoundException>(() => types.FindIdByNameAsync("Twin"));
        Assert.StartsWith("Multiple CreditType records found with 'Name' value \"Twin\" when only one was expected: ", several.Message, StringComparison.Ordinal);
        Assert.Equal(2, several.FoundIds.Count);
        await Assert.ThrowsAsync<OdooMultipleRecordsFoundException>(() => types.GetDictionaryByNameAsync("Twin"));
        Assert.Equal(1234, await odoo.Odoo.ReferralCodes.GetIdByCodeAsync("WELCOME10"));
        Assert.Null(await odoo.Odoo.ReferralCodes.FindDictionaryAsync(999));
        await Assert.ThrowsAsync<OdooRecordNotFoundException>(() => odoo.Odoo.ReferralCodes.GetDictionaryAsync(999));
        Assert.Single(await odoo.Odoo.ReferralCodes.ListExistingDictionariesAsync([1234, 999]));
    }

    [Fact]
    public async Task A_list_loads_all_its_relations_with_one_read_per_related_model()
    {
        await using var odoo = await TestOdoo.StartAsync(server =>
        {
            var (newcomer, reward, _, alice, _) = TestOdoo.SeedReferralCodePage(server);
            server.Seed("openstack.referral_code", new { id = 1235, code = "SUMMER", referral_credit_type = reward, reward_credit_type = newcomer });
            server.Create("res.partner", new { name = "Carol", os_referral = 1235 });
        });
        var codes = await odoo.Odoo.ReferralCodes.SearchAsync(order: "id");
        odoo.Server.ClearRequests();
        await codes.LoadAllRelationsAsync();
        // Two relations to credit types share one read; the referrals are another.
        Assert.Equal(["openstack.credit.type.read", "res.partner.read"], odoo.Calls().Select(c => c.Model + "." + c.Method).Order());
        odoo.Server.ClearRequests();
        Assert.Equal(["Referral credit", "Reward credit"], codes.Select(c => c.ReferralCreditType.Name));
        Assert.Equal(["Reward credit", "Referral credit"], codes.Select(c => c.RewardCreditType!.Name));
        Assert.Equal([2, 1], codes.Select(c => c.Referrals.Count));
        Assert.Same(codes[0].ReferralCreditType, codes[1].RewardCreditType); // one instance per related record
        await codes.LoadAllRelationsAsync(); // all loaded: nothing to read
        Assert.Empty(odoo.Calls());

        // Depth 2: the credit types' products too, one more read.
        var again = await odoo.Odoo.ReferralCodes.SearchAsync();
        odoo.Server.ClearRequests();
        await again.LoadAllRelationsAsync(depth: 2);
        Assert.Equal(1, odoo.Server.CountCalls("product.product", "read"));
        Assert.Equal("Cloud credit", again[0].ReferralCreditType.Product.Name);

        // Relations that were not read are left alone.
        var codesOnly = await odoo.Odoo.ReferralCodes.SearchAsync(fields: ["code"]);
        odoo.Server.ClearRequests();
        await codesOnly.LoadAllRelationsAsync();
        Assert.Empty(odoo.Calls());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => codes.LoadAllRelationsAsync(depth: 0));
    }

    [Fact]
    public async Task Default_fields_keep_the_base_properties_usable()
    {
        await using var odoo = await TestOdoo.StartAsync();
        var id = await odoo.Odoo.Attachments.UploadAsync("notes.txt", "hello"u8.ToArray(), "res.partner", 1);
        odoo.Server.ClearRequests();
        var attachment = await odoo.Odoo.Attachments.GetAsync(id);
        var read = Assert.Single(odoo.Calls());
        foreach (var field in new[] { "display_name", "create_date", "create_uid", "write_date", "write_uid" }) Assert.Contains($"\"{field}\"", read.Args + read.Kwargs, StringComparison.Ordinal);
        Assert.DoesNotContain("\"datas\"", read.Args + read.Kwargs, StringComparison.Ordinal);
        Assert.NotNull(attachment.CreateDate);
        Assert.NotNull(attachment.WriteDate);
        Assert.Equal("notes.txt", attachment.DisplayName);
        Assert.Equal(odoo.Odoo.UserId, attachment.CreateUid);
        Assert.NotNull(attachment.CreateName);
        Assert.Equal(odoo.Odoo.UserId, attachment.WriteUid);
        // Every model with declared default fields has the base fields among them.
        foreach (var type in ModelTypes.Records)
        {
            if (ModelTypes.Metadata(type).DefaultFields is { } defaults)
            {
                Assert.Superset(new HashSet<string>(["display_name", "create_date", "create_uid", "write_date", "write_uid"]), defaults.ToHashSet());
            }
        }
    }
}
