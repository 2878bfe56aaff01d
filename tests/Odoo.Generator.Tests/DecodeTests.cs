using System.Text;
using System.Text.Json;
using Odoo.Generator.Tests.Models;
using Odoo.Metadata;

namespace Odoo.Generator.Tests;

/// <summary>
/// The generated decoders of the models in Models/ (compiled by the real generator as an analyzer
/// of this project) read the real Odoo 18 samples in WireSamples/.
/// </summary>
public sealed class DecodeTests
{
    private static List<T> DecodeResult<T>(string sample) where T : OdooRecord, IOdooRecord<T> =>
        DecodeRows<T>(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "WireSamples", sample)), OdooRecordSource.Detached, resultProperty: true);

    private static List<T> DecodeRows<T>(byte[] json, OdooRecordSource source, bool resultProperty = false) where T : OdooRecord, IOdooRecord<T>
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        if (resultProperty)
        {
            reader.Read();
            while (!reader.ValueTextEquals("result"u8))
            {
                reader.Read();
                reader.Skip();
                reader.Read();
            }
            reader.Read();
        }
        Assert.Equal(JsonTokenType.StartArray, reader.TokenType);
        var list = new List<T>();
        reader.Read();
        while (reader.TokenType != JsonTokenType.EndArray)
        {
            list.Add(T.Decode(ref reader, source));
            reader.Read();
        }
        return list;
    }

    private static T DecodeOne<T>(string json) where T : OdooRecord, IOdooRecord<T> =>
        DecodeRows<T>(Encoding.UTF8.GetBytes("[" + json + "]"), OdooRecordSource.Detached).Single();

    [Fact]
    public void Referral_code_read_decodes_values_pairs_and_base_fields()
    {
        var codes = DecodeResult<ReferralCode>("16-execute_kw-read-openstack.referral_code.response.json");

        Assert.Equal(2, codes.Count);
        var code = codes[0];
        Assert.Equal(7, code.Id);
        Assert.Equal("WIRE-RC-1", code.Code);
        Assert.Equal("Referral code WIRE-RC-1", code.Name);
        Assert.Equal(10, code.AllowedUses);
        Assert.Equal(25.5m, code.ReferralCreditAmount);
        Assert.Equal(3, code.ReferralCreditTypeId);
        Assert.Equal("Wire sample credit type", code.ReferralCreditTypeName);
        Assert.Empty(code.ReferralIds);
        Assert.Empty(code.Referrals); // no ids: no request needed
        Assert.Equal(new DateTime(2026, 11, 26, 5, 53, 57, DateTimeKind.Utc), code.CreateDate);
        Assert.Equal(DateTimeKind.Utc, code.CreateDate!.Value.Kind);
        Assert.Equal(2, code.WriteUid);
        Assert.Equal("Mitchell Admin", code.WriteName);
        Assert.Equal(8, codes[1].Id);
        Assert.Equal("WIRE-RC-2", codes[1].Code);
    }

    [Fact]
    public void Fields_that_were_not_read_throw_an_error_naming_them()
    {
        var code = DecodeResult<ReferralCode>("16-execute_kw-read-openstack.referral_code.response.json")[0];

        var ex = Assert.Throws<OdooFieldNotLoadedException>(() => code.BeforeRewardUsageThreshold);
        Assert.Equal("before_reward_usage_threshold", ex.RemoteField);
        Assert.Contains("ReferralCode.BeforeRewardUsageThreshold was not loaded", ex.Message);
        Assert.Throws<OdooFieldNotLoadedException>(() => code.RewardCreditTypeId);
        Assert.Throws<OdooFieldNotLoadedException>(() => code.RewardCreditType);
        Assert.Throws<OdooFieldNotLoadedException>(() => code.DisplayName);
    }

    [Fact]
    public void A_relation_not_loaded_yet_says_how_to_load_it()
    {
        var code = DecodeResult<ReferralCode>("16-execute_kw-read-openstack.referral_code.response.json")[0];

        var ex = Assert.Throws<OdooRelationNotLoadedException>(() => code.ReferralCreditType);
        Assert.Contains("LoadReferralCreditTypeAsync", ex.Message);
    }

    [Fact]
    public async Task A_record_without_a_client_cannot_load_relations_but_says_why()
    {
        var code = DecodeResult<ReferralCode>("16-execute_kw-read-openstack.referral_code.response.json")[0];

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(async () => await code.LoadReferralCreditTypeAsync());
        Assert.Contains("not read through an OdooClient", ex.Message);
    }

    [Fact]
    public async Task A_batched_load_fills_the_relation_cache_through_the_descriptor()
    {
        var code = DecodeResult<ReferralCode>("16-execute_kw-read-openstack.referral_code.response.json")[0];
        var type = DecodeOne<CreditType>("""{"id": 3, "name": "Wire sample credit type"}""");
        var relation = ReferralCode.Relations.ReferralCreditType;

        Assert.Equal(3, relation.GetId(code));
        Assert.Equal("openstack.credit.type", relation.TargetMetadata.ModelName);
        relation.GetSlot(code).SetValue(type);

        Assert.Same(type, code.ReferralCreditType);
        Assert.Same(type, await code.LoadReferralCreditTypeAsync()); // cached: no client needed
        Assert.Equal("Wire sample credit type", code.ReferralCreditType.Name);
        Assert.Same(relation.GetSlot(code), relation.GetSlot(code));
    }

    [Fact]
    public void Partner_read_decodes_false_many2one_as_null_and_id_lists()
    {
        var partners = DecodeResult<Partner>("09-execute_kw-read-res.partner.response.json");

        var company = partners[0];
        Assert.Equal("YourCompany", company.Name);
        Assert.True(company.Active);
        Assert.Null(company.ParentId);
        Assert.Null(company.ParentName);
        Assert.Null(company.Parent); // empty link: null without a request
        Assert.Equal([40, 41], company.ChildIds);
        Assert.Empty(company.CategoryIds);
        Assert.Empty(company.ProjectIds);
        Assert.Throws<OdooRelationNotLoadedException>(() => company.Children);
        Assert.Throws<OdooFieldNotLoadedException>(() => company.Email);

        var wood = partners[1];
        Assert.Equal([18, 33, 17], wood.ChildIds);
        Assert.Equal([7, 6], wood.CategoryIds);
        Assert.Equal([1], wood.ProjectIds);
    }

    [Fact]
    public void Partner_search_read_decodes_strings_json_and_datetimes()
    {
        var partners = DecodeResult<Partner>("07-execute_kw-search_read-res.partner.response.json");

        Assert.Equal(3, partners.Count);
        Assert.Equal("info@yourcompany.com", partners[0].Email);
        Assert.Equal(JsonValueKind.Array, partners[0].Country!.Value.ValueKind);
        Assert.Equal(233, partners[0].Country!.Value[0].GetInt32());
        Assert.Equal("United States", partners[0].Country!.Value[1].GetString());
        Assert.Equal(new DateTime(2026, 11, 26, 5, 51, 27, DateTimeKind.Utc), partners[2].CreateDate);
        Assert.Equal("Deco Addict", partners[2].Name);
    }

    [Fact]
    public void Product_search_read_decodes_false_chars_as_null_and_named_pairs()
    {
        var products = DecodeResult<Product>("12-execute_kw-search_read-product.product.response.json");

        Assert.Null(products[0].DefaultCode);
        Assert.Equal(14.0m, products[0].ListPrice);
        Assert.Equal(400.0m, products[1].ListPrice);
        Assert.Equal(3, products[0].CategoryId);
        Assert.Equal("All / Expenses", products[0].CategoryName);
        Assert.Empty(products[0].TaxIds);
    }

    [Fact]
    public void A_required_field_holding_false_throws_naming_the_field_never_a_silent_default()
    {
        var product = DecodeResult<StrictProduct>("12-execute_kw-search_read-product.product.response.json")[0];

        var ex = Assert.Throws<OdooValueException>(() => product.StrictDefaultCode);
        Assert.Contains("StrictProduct.StrictDefaultCode", ex.Message);
        Assert.Contains("'default_code'", ex.Message);
        Assert.Equal(3, product.CategoryId);

        var orphan = DecodeOne<StrictProduct>("""{"id": 5, "categ_id": false}""");
        var m2o = Assert.Throws<OdooValueException>(() => orphan.CategoryId);
        Assert.Contains("'categ_id'", m2o.Message);
        Assert.Throws<OdooValueException>(() => orphan.Category);
    }

    [Fact]
    public void Every_scalar_kind_decodes_with_invariant_formats()
    {
        var move = DecodeOne<AccountMove>("""
            {"id": 1, "move_type": "out_refund", "state_opt": false, "is_move_sent": true,
             "invoice_date": "2024-02-29", "invoice_date_due": false, "posted_at": "2024-03-01 10:11:12",
             "posted_at_offset": "2024-03-01 10:11:12", "sequence": 9007199254740993, "extra": {"a": [1, 2]},
             "unknown_field": [1, {"deep": true}], "display_name": "INV/1"}
            """);

        Assert.Equal(MoveType.CustomerRefund, move.MoveType);
        Assert.Null(move.OptionalType);
        Assert.True(move.IsMoveSent);
        Assert.Equal(new DateOnly(2024, 2, 29), move.InvoiceDate);
        Assert.Null(move.InvoiceDateDue);
        Assert.Equal(new DateTime(2024, 3, 1, 10, 11, 12, DateTimeKind.Utc), move.PostedAt);
        Assert.Equal(move.PostedAt, move.PostedAtAlias);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 10, 11, 12, TimeSpan.Zero), move.PostedAtOffset);
        Assert.Equal(9007199254740993L, move.Sequence);
        Assert.Equal(2, move.Extra.GetProperty("a")[1].GetInt32());
        Assert.Equal("INV/1", move.DisplayName);
        Assert.True(move.TryGetUnknownField("unknown_field", out var unknown));
        Assert.Equal(JsonValueKind.Array, unknown.ValueKind);
    }

    [Fact]
    public void Version_specific_names_are_read_too()
    {
        var move = DecodeOne<AccountMove>("""{"id": 2, "type": "out_invoice", "invoice_sent": false}""");

        Assert.Equal(MoveType.OutInvoice, move.MoveType);
        Assert.False(move.IsMoveSent);
        Assert.Equal("type", AccountMove.Metadata.FindByName("MoveType")!.GetRemoteName(OdooVersion.Parse("13.0+e")));
        Assert.Equal("move_type", AccountMove.Metadata.FindByName("MoveType")!.GetRemoteName(OdooVersion.Parse("18.0")));
    }

    [Fact]
    public void An_unknown_selection_key_fails_when_read_naming_field_and_key()
    {
        var move = DecodeOne<AccountMove>("""{"id": 3, "move_type": "in_receipt"}""");

        var ex = Assert.Throws<OdooValueException>(() => move.MoveType);
        Assert.Contains("'in_receipt'", ex.Message);
        Assert.Contains("'move_type'", ex.Message);
        Assert.Contains("in_receipt", move.ToString());
    }

    [Fact]
    public void ToString_lists_model_and_loaded_values_only()
    {
        var code = DecodeResult<ReferralCode>("16-execute_kw-read-openstack.referral_code.response.json")[0];

        var text = code.ToString();

        Assert.StartsWith("ReferralCode { model: openstack.referral_code, id: 7, ", text);
        Assert.Contains("code: \"WIRE-RC-1\"", text);
        Assert.Contains("allowed_uses: 10", text);
        Assert.Contains("referral_credit_amount: 25.5", text);
        Assert.Contains("referral_credit_type: [3, \"Wire sample credit type\"]", text);
        Assert.Contains("referrals: []", text);
        Assert.DoesNotContain("before_reward", text);
        Assert.EndsWith(" }", text);
    }

    [Fact]
    public void Records_are_equal_by_type_and_id()
    {
        var a = DecodeResult<Partner>("09-execute_kw-read-res.partner.response.json");
        var b = DecodeResult<Partner>("07-execute_kw-search_read-res.partner.response.json");
        var billing = DecodeResult<BillingPartner>("09-execute_kw-read-res.partner.response.json");

        Assert.Equal(a[0], b[0]); // same id 1, different fields read
        Assert.Equal(a[0].GetHashCode(), b[0].GetHashCode());
        Assert.NotEqual(a[0], a[1]);
        Assert.NotEqual<Partner>(a[0], billing[0]); // another record type
    }

    [Fact]
    public void A_derived_record_decodes_base_and_own_fields()
    {
        var billing = DecodeResult<BillingPartner>("09-execute_kw-read-res.partner.response.json")[1];

        Assert.Equal("Wood Corner", billing.Name);
        Assert.Equal([18, 33, 17], billing.ChildIds);
        Assert.Null(billing.CustomerGroupId);
        Assert.Null(billing.CustomerGroup);
        Assert.Equal("res.partner", BillingPartner.Metadata.ModelName);
        Assert.Same(Partner.Metadata, BillingPartner.Metadata.BaseModel);
        Assert.NotNull(BillingPartner.Metadata.FindByName("Parent"));
        Assert.NotNull(BillingPartner.Metadata.FindByName("CustomerGroup"));
        Assert.Contains("os_customer_group: false", billing.ToString());
    }

    [Fact]
    public void A_base_record_converts_to_the_derived_type_without_a_request()
    {
        var partner = DecodeOne<Partner>("""{"id": 9, "name": "Wood Corner", "os_customer_group": [4, "Resellers"], "parent_id": false}""");

        var billing = BillingPartner.From(partner);

        Assert.Equal(9, billing.Id);
        Assert.Equal("Wood Corner", billing.Name);
        Assert.Null(billing.Parent);
        Assert.Equal(4, billing.CustomerGroupId);
        Assert.Equal("Resellers", billing.CustomerGroupName);
        Assert.Throws<OdooFieldNotLoadedException>(() => billing.Email);

        var bare = BillingPartner.From(DecodeOne<Partner>("""{"id": 10, "name": "No group read"}"""));
        Assert.Throws<OdooFieldNotLoadedException>(() => bare.CustomerGroupId);
    }

    [Fact]
    public void Metadata_describes_fields_relations_aliases_and_defaults()
    {
        var m = ReferralCode.Metadata;

        Assert.Equal("openstack.referral_code", m.ModelName);
        Assert.Equal("Odoo.Generator.Tests.Models.ReferralCode", m.RecordType);
        Assert.Equal("id", m.Fields[0].RemoteName);
        var type = m.FindByName("ReferralCreditType")!;
        Assert.Equal(OdooFieldKind.Many2One, type.Kind);
        Assert.Equal("referral_credit_type", type.RemoteName);
        Assert.Equal("ReferralCreditTypeId", type.IdProperty);
        Assert.Same(type, m.FindByName("ReferralCreditTypeId"));
        Assert.Same(CreditType.Metadata, type.RelationTarget!());
        Assert.False(type.IsNullable);
        Assert.True(m.FindByName("RewardCreditType")!.IsNullable);
        Assert.Equal(OdooFieldKind.Many2Many, m.FindByName("ReferralIds")!.Kind);
        Assert.Same(m.FindByName("Referrals"), m.FindByRemoteName("referrals"));
        Assert.Equal(["name", "display_name", "create_date", "create_uid", "write_date", "write_uid"], CreditType.Metadata.DefaultFields!); // the base fields complete a declared list

        var colour = PartnerCategory.Metadata.FindByName("Colour")!;
        Assert.Equal("Color", colour.AliasOf);
        Assert.Equal("color", colour.RemoteName);
        Assert.Same(PartnerCategory.Metadata.FindByName("Color"), PartnerCategory.Metadata.FindByRemoteName("color"));

        var moveType = AccountMove.Metadata.FindByName("MoveType")!;
        Assert.Equal(OdooFieldKind.Selection, moveType.Kind);
        Assert.Contains(new OdooSelectionOption("out_refund", "CustomerRefund"), moveType.SelectionOptions);
        Assert.Contains(new OdooSelectionOption("out_invoice", "OutInvoice"), moveType.SelectionOptions);
    }

    private static JsonElement Rows(string sample) =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "WireSamples", sample))).RootElement.GetProperty("result");

    /// <summary>Every entry of the raw dictionary, serialized by System.Text.Json, equals the row's value as Odoo sent it.</summary>
    private static void AssertRawMatchesRow(IReadOnlyDictionary<string, object?> raw, JsonElement row)
    {
        var serialized = JsonSerializer.SerializeToElement(raw);
        foreach (var p in serialized.EnumerateObject())
        {
            Assert.True(row.TryGetProperty(p.Name, out var sent), $"'{p.Name}' is not in the row");
            Assert.True(JsonElement.DeepEquals(sent, p.Value) || sent.ValueKind == JsonValueKind.Number && sent.GetDecimal() == p.Value.GetDecimal(),
                $"{p.Name}: Odoo sent {sent.GetRawText()}, ToDictionary(raw: true) gives {p.Value.GetRawText()}");
        }
    }

    [Fact]
    public void ToDictionary_gives_property_names_and_decoded_values_of_the_fields_read()
    {
        var code = DecodeResult<ReferralCode>("16-execute_kw-read-openstack.referral_code.response.json")[0];

        var values = code.ToDictionary();

        string[] expected = ["Id", "CreateDate", "WriteUid", "WriteName", "AllowedUses", "Code", "Name", "ReferralIds", "ReferralCreditAmount", "ReferralCreditTypeId", "ReferralCreditTypeName"];
        Assert.Equal(expected.Order(StringComparer.Ordinal), values.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(7, values["Id"]);
        Assert.Equal("WIRE-RC-1", values["Code"]);
        Assert.Equal(10, values["AllowedUses"]);
        Assert.Equal(25.5m, values["ReferralCreditAmount"]);
        Assert.Equal(3, values["ReferralCreditTypeId"]);
        Assert.Equal("Wire sample credit type", values["ReferralCreditTypeName"]);
        Assert.Equal(Array.Empty<int>(), Assert.IsAssignableFrom<IReadOnlyList<int>>(values["ReferralIds"]));
        Assert.Equal(new DateTime(2026, 11, 26, 5, 53, 57, DateTimeKind.Utc), values["CreateDate"]);
        Assert.Equal(2, values["WriteUid"]);
        Assert.Equal("Mitchell Admin", values["WriteName"]);
        Assert.False(values.ContainsKey("BeforeRewardUsageThreshold")); // not read: absent, no exception, no request
        Assert.False(values.ContainsKey("ReferralCreditType")); // relations give their id and name, not records
    }

    [Theory]
    [InlineData("16-execute_kw-read-openstack.referral_code.response.json")]
    [InlineData("07-execute_kw-search_read-res.partner.response.json")]
    [InlineData("09-execute_kw-read-res.partner.response.json")]
    [InlineData("12-execute_kw-search_read-product.product.response.json")]
    public void ToDictionary_raw_gives_back_the_wire_values_of_the_declared_fields(string sample)
    {
        var rows = Rows(sample);
        IReadOnlyList<OdooRecord> records = sample.Contains("referral_code", StringComparison.Ordinal) ? DecodeResult<ReferralCode>(sample)
            : sample.Contains("product", StringComparison.Ordinal) ? DecodeResult<Product>(sample)
            : DecodeResult<BillingPartner>(sample);

        Assert.Equal(rows.GetArrayLength(), records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            var raw = records[i].ToDictionary(raw: true);
            Assert.Equal(rows[i].GetProperty("id").GetInt32(), raw["id"]);
            AssertRawMatchesRow(raw, rows[i]);
        }
    }

    [Fact]
    public void ToDictionary_raw_uses_odoo_names_and_wire_shapes()
    {
        var code = DecodeResult<ReferralCode>("16-execute_kw-read-openstack.referral_code.response.json")[0];

        var raw = code.ToDictionary(raw: true);

        Assert.Equal(new object[] { 3, "Wire sample credit type" }, Assert.IsType<object[]>(raw["referral_credit_type"]));
        Assert.Equal(new object[] { 2, "Mitchell Admin" }, Assert.IsType<object[]>(raw["write_uid"]));
        Assert.Equal("2026-11-26 05:53:57", raw["create_date"]);
        Assert.Equal("WIRE-RC-1", raw["code"]);
        Assert.False(raw.ContainsKey("Code"));
    }

    [Fact]
    public void ToDictionary_never_throws_for_empty_values_or_unknown_keys()
    {
        var move = DecodeOne<AccountMove>("""
            {"id": 4, "move_type": "in_receipt", "state_opt": "out_refund", "invoice_date": false, "is_move_sent": false,
             "posted_at": "2024-03-01 10:11:12", "sequence": false, "extra": false, "narration": "legacy"}
            """);

        var values = move.ToDictionary();
        Assert.Equal("in_receipt", values["MoveType"]); // no enum member: the key
        Assert.Equal(MoveType.CustomerRefund, values["OptionalType"]);
        Assert.Null(values["InvoiceDate"]); // the getter would throw (non-nullable)
        Assert.Null(values["Sequence"]);
        Assert.Equal(false, values["IsMoveSent"]);
        Assert.False(values.ContainsKey("PostedAtAlias")); // aliases are not repeated
        Assert.Equal(JsonValueKind.False, Assert.IsType<JsonElement>(values["Extra"]).ValueKind);

        var raw = move.ToDictionary(raw: true);
        Assert.Equal("in_receipt", raw["move_type"]);
        Assert.Equal("out_refund", raw["state_opt"]);
        Assert.Equal(false, raw["invoice_date"]);
        Assert.Equal(false, raw["sequence"]);
        Assert.Equal("2024-03-01 10:11:12", raw["posted_at"]);
        Assert.False(raw.ContainsKey("narration")); // undeclared fields are not included (TryGetUnknownField has them)
        Assert.True(move.TryGetUnknownField("narration", out var narration));
        Assert.Equal("legacy", narration.GetString());
    }

    [Fact]
    public void Undeclared_fields_are_kept_as_raw_json_and_replayed_by_From()
    {
        var partner = DecodeOne<Partner>("""
            {"id": 9, "name": "Wood Corner", "comment": "a \"quoted\" \u00e9t\u00e9\\n", "tags": [1, {"deep": [true, null, 2.50]}, []],
             "os_customer\u005fgroup": [4, "Resellers"], "empty": {}}
            """);

        Assert.True(partner.TryGetUnknownField("comment", out var comment));
        Assert.Equal("a \"quoted\" \u00e9t\u00e9\\n", comment.GetString());
        Assert.True(partner.TryGetUnknownField("tags", out var tags));
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse("""[1, {"deep": [true, null, 2.50]}, []]""").RootElement, tags));
        Assert.True(partner.TryGetUnknownField("empty", out var empty));
        Assert.Equal(JsonValueKind.Object, empty.ValueKind);
        Assert.False(partner.TryGetUnknownField("name", out _)); // declared: not kept

        var billing = BillingPartner.From(partner); // the escaped name is the derived record's field
        Assert.Equal(4, billing.CustomerGroupId);
        Assert.True(billing.TryGetUnknownField("tags", out _));
        Assert.False(billing.TryGetUnknownField("os_customer_group", out _));

        var sealedRecord = DecodeOne<PartnerCategory>("""{"id": 1, "name": "x", "color": 2, "extra": [1]}""");
        Assert.False(sealedRecord.TryGetUnknownField("extra", out _)); // sealed records skip them
    }

    [Fact]
    public void ToString_prints_selection_keys()
    {
        var move = DecodeOne<AccountMove>("""{"id": 5, "move_type": "out_refund", "state_opt": "out_invoice"}""");

        var text = move.ToString();

        Assert.Contains("move_type: \"out_refund\"", text);
        Assert.Contains("state_opt: \"out_invoice\"", text);
        Assert.DoesNotContain("CustomerRefund", text);
    }

    [Fact]
    public void Plain_properties_named_like_generated_private_members_compile_and_decode()
    {
        var r = DecodeOne<NameClash>("""
            {"id": 1, "owner_id": [5, "Owner"], "owner_name": "plain name", "owner_ref": 6, "owner_slot": true,
             "owner_ids": [1, 2], "owner_unknown": "u", "read_owner": 7, "get_owner_slot": 8, "get_owner_id_for_load": 9,
             "kind": "out_refund", "kind_unknown": "k", "read_kind": 10, "loaded0": 11,
             "child_ids": [3], "children_ids_plain": [4], "children_slot": "s"}
            """);

        Assert.Equal(5, r.OwnerKey);
        Assert.Equal("Owner", r.OwnerLabel);
        Assert.Equal("plain name", r.OwnerName);
        Assert.Equal(6, r.OwnerId);
        Assert.True(r.OwnerSlot);
        Assert.Equal([1, 2], r.OwnerIds);
        Assert.Equal("u", r.OwnerUnknown);
        Assert.Equal(7, r.ReadOwner);
        Assert.Equal(8, r.GetOwnerSlot);
        Assert.Equal(9, r.GetOwnerIdForLoad);
        Assert.Equal(MoveType.CustomerRefund, r.Kind);
        Assert.Equal("k", r.KindUnknown);
        Assert.Equal(10, r.ReadKind);
        Assert.Equal(11, r.Loaded0);
        Assert.Equal([3], r.ChildKeys);
        Assert.Equal([4], r.ChildrenIds);
        Assert.Equal("s", r.ChildrenSlot);
        Assert.Equal("plain name", r.ToDictionary()["OwnerName"]);
        Assert.Equal("Owner", r.ToDictionary()["OwnerLabel"]);
    }

    [Fact]
    public void The_assembly_lists_its_models_for_tools()
    {
        var registered = typeof(DecodeTests).Assembly.GetCustomAttributes(typeof(OdooModelRegistrationAttribute), false)
            .Cast<OdooModelRegistrationAttribute>().Select(a => a.RecordType).ToList();

        Assert.Contains(typeof(ReferralCode), registered);
        Assert.Contains(typeof(BillingPartner), registered);
    }
}
