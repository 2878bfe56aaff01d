using System.Text.Json;
using Odoo.Domains;
using Odoo.Managers;
using Odoo.Values;

namespace Odoo.Runtime.Tests.Managers;

public sealed class ManagerTests
{
    private static string Rows(params int[] ids) =>
        "[" + string.Join(",", ids.Select(i => $$"""{"id":{{i}},"code":"C{{i}}","allowed_uses":{{i}},"referral_credit_type":[{{100 + i % 3}},"T{{i % 3}}"],"referrals":[{{i}},{{i + 1}}]}""")) + "]";

    [Fact]
    public async Task Get_reads_one_record_and_reports_a_missing_one()
    {
        var odoo = ScriptedTransport.Client(c => (int)c.Args["ids"]![0]! == 5 ? Rows(5) : "[]", out var t);
        var code = await odoo.Manager<ReferralCode>().GetAsync(5, ["Code", "Uses"]);
        Assert.Equal("C5", code.Code);
        var call = Assert.Single(t.Calls);
        Assert.Equal(("openstack.referral_code", "read", "[5]", """["code","allowed_uses"]"""), (call.Model, call.Method, call.Arg("ids"), call.Arg("fields")));

        var ex = await Assert.ThrowsAsync<OdooRecordNotFoundException>(() => odoo.Manager<ReferralCode>().GetAsync(6));
        Assert.Equal("ReferralCode record not found with ID: 6", ex.Message);
        Assert.Equal([6], ex.MissingIds);
        Assert.Null(await odoo.Manager<ReferralCode>().FindAsync(6));
    }

    [Fact]
    public async Task List_names_missing_ids_distinct_and_sorted()
    {
        var odoo = ScriptedTransport.Client(_ => Rows(1, 5), out var t);
        var ex = await Assert.ThrowsAsync<OdooRecordNotFoundException>(() => odoo.Manager<ReferralCode>().ListAsync([12, 1, 7, 3, 5, 7]));
        Assert.Equal("ReferralCode records with IDs not found: 3, 7, 12", ex.Message);
        Assert.Equal([3, 7, 12], ex.MissingIds);
        var existing = await odoo.Manager<ReferralCode>().ListExistingAsync([12, 1, 7, 3, 5]);
        Assert.Equal([1, 5], existing.Select(r => r.Id));
        Assert.Equal(2, t.Calls.Count);
        Assert.Empty(await odoo.Manager<ReferralCode>().ListAsync([]));
        Assert.Equal(2, t.Calls.Count);
    }

    [Fact]
    public async Task Search_is_one_search_read_with_named_arguments()
    {
        var odoo = ScriptedTransport.Client(_ => Rows(1, 2, 3), out var t);
        var result = await odoo.Manager<ReferralCode>().SearchAsync(
            OdooDomain.Where("AllowedUses", ">", 0), fields: ["Code", "ReferralCreditTypeId"], order: "CreateDate desc, Code", limit: 3, offset: 6);
        Assert.Equal(3, result.Count);
        var c = Assert.Single(t.Calls);
        Assert.Equal("search_read", c.Method);
        Assert.True(c.Call.IsReadOnly);
        Assert.Equal(["domain"], c.Call.Arguments.Select(a => a.Name));
        Assert.Equal(["fields", "offset", "limit", "order"], c.Call.KeywordArguments.Select(a => a.Name));
        Assert.Equal("""[["allowed_uses",">",0]]""", c.Arg("domain"));
        Assert.Equal("""["code","referral_credit_type"]""", c.Arg("fields"));
        Assert.Equal(("6", "3", "\"create_date desc, code\""), (c.Arg("offset"), c.Arg("limit"), c.Arg("order")));
    }

    [Fact]
    public async Task Search_ids_and_count()
    {
        var odoo = ScriptedTransport.Client(c => c.Method == "search" ? "[3,1]" : "42", out var t);
        Assert.Equal([3, 1], await odoo.Manager<ReferralCode>().SearchIdsAsync(OdooDomain.Equal("Code", "A"), order: "Code"));
        Assert.Equal(42, await odoo.Manager<ReferralCode>().CountAsync(OdooDomain.Equal("Code", "A")));
        Assert.Equal(["search", "search_count"], t.Calls.Select(c => c.Method));
        Assert.Equal(["domain"], t.Calls.First().Call.Arguments.Select(a => a.Name));
        Assert.Equal(["order"], t.Calls.First().Call.KeywordArguments.Select(a => a.Name));
        Assert.Equal(["domain"], t.Calls.Last().Call.Arguments.Select(a => a.Name));
    }

    [Fact]
    public async Task Stream_pages_by_id_in_ceil_n_over_batch_requests()
    {
        var table = new IdTable(10_000);
        var odoo = ScriptedTransport.Client(table.Handle, out var t);
        var seen = new List<int>();
        await foreach (var r in odoo.Manager<ReferralCode>().StreamAsync(OdooDomain.Where("AllowedUses", ">", 0), ["Code"], batchSize: 500))
        {
            seen.Add(r.Id);
        }
        Assert.Equal(Enumerable.Range(1, 10_000), seen);
        Assert.Equal(20, t.Calls.Count);
        var second = t.Calls.ElementAt(1);
        Assert.Equal("""["&",["id",">",500],["allowed_uses",">",0]]""", second.Arg("domain"));
        Assert.Equal(("\"id\"", "501"), (second.Arg("order"), second.Arg("limit")));
    }

    [Fact]
    public async Task Stream_neither_fails_nor_repeats_when_records_are_deleted_between_pages()
    {
        var table = new IdTable(1_000);
        var odoo = ScriptedTransport.Client(table.Handle, out var t);
        var seen = new List<int>();
        await foreach (var r in odoo.Manager<ReferralCode>().StreamAsync(batchSize: 100))
        {
            seen.Add(r.Id);
            if (r.Id == 150)
            {
                // Delete records already seen and not yet read, including the next page's first one
                // (the current page, 101-200, is already in memory).
                foreach (var id in new[] { 10, 149, 201, 202, 500, 1000 }) table.Delete(id);
            }
        }
        var expected = Enumerable.Range(1, 1000).Where(i => i is not (201 or 202 or 500 or 1000)).ToList();
        Assert.Equal(expected, seen);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task Unique_field_lookups_report_none_and_several()
    {
        var answer = "[]";
        var odoo = ScriptedTransport.Client(_ => answer, out var t);
        var m = odoo.Manager<ReferralCode>();
        var none = await Assert.ThrowsAsync<OdooRecordNotFoundException>(() => m.GetByCodeAsync("NZD"));
        Assert.Equal("ReferralCode record not found with 'Code' value: NZD", none.Message);
        Assert.Null(await m.FindByCodeAsync("NZD"));
        answer = Rows(3, 7);
        var many = await Assert.ThrowsAsync<OdooMultipleRecordsFoundException>(() => m.FindByNameAsync("N"));
        Assert.Equal("Multiple ReferralCode records found with 'Name' value \"N\" when only one was expected: 3, 7", many.Message);
        Assert.Equal([3, 7], many.FoundIds);
        var byField = await Assert.ThrowsAsync<OdooMultipleRecordsFoundException>(() => m.GetByUniqueFieldAsync("AllowedUses", 5, OdooDomain.Equal("Code", "X")));
        Assert.Equal("Multiple ReferralCode records found with 'AllowedUses' value 5 when only one was expected: 3, 7", byField.Message);
        Assert.Equal("""["&",["allowed_uses","=",5],["code","=","X"]]""", t.Calls.Last().Arg("domain"));
        Assert.All(t.Calls, c => Assert.Equal("search_read", c.Method));
    }

    [Fact]
    public async Task Create_update_and_delete()
    {
        var odoo = ScriptedTransport.Client(c => c.Method switch { "create" when c.Args["vals_list"] is System.Text.Json.Nodes.JsonArray => "[11,12]", "create" => "10", _ => "true" }, out var t);
        var m = odoo.Manager<ReferralCode>();
        Assert.Equal(10, await m.CreateAsync(new OdooValues { ["Code"] = "A", ["ReferralCreditTypeId"] = 4 }));
        Assert.Equal([11, 12], await m.CreateManyAsync([new OdooValues { ["Code"] = "B" }, new OdooValues { ["Code"] = "C" }]));
        Assert.Empty(await m.CreateManyAsync(Array.Empty<OdooValues>()));
        await m.UpdateAsync(10, new Dictionary<string, object?> { ["Uses"] = 2, ["ReferralCreditType"] = null });
        await m.UpdateAsync([], new OdooValues { ["Code"] = "x" });
        await m.DeleteAsync([10, 11]);
        await m.DeleteAsync(Array.Empty<int>());
        var calls = t.Calls.ToArray();
        Assert.Equal(["create", "create", "write", "unlink"], calls.Select(c => c.Method));
        Assert.Equal("""{"code":"A","referral_credit_type":4}""", calls[0].Arg("vals_list"));
        Assert.Equal("""[{"code":"B"},{"code":"C"}]""", calls[1].Arg("vals_list"));
        Assert.Equal(("[10]", """{"allowed_uses":2,"referral_credit_type":false}"""), (calls[2].Arg("ids"), calls[2].Arg("vals")));
        Assert.Equal("[10,11]", calls[3].Arg("ids"));
        Assert.All(calls, c => Assert.False(c.Call.IsReadOnly));
    }

    [Fact]
    public async Task A_conflict_is_raised_before_any_request()
    {
        var odoo = ScriptedTransport.Client(_ => "1", out var t);
        await Assert.ThrowsAsync<ArgumentException>(() => odoo.Manager<ReferralCode>().CreateAsync(new OdooValues { ["Uses"] = 1, ["AllowedUses"] = 2 }));
        await Assert.ThrowsAsync<ArgumentException>(() => odoo.Manager<ReferralCode>().UpdateAsync(1, new OdooValues { ["Uses"] = 1, ["UsesAlias"] = 2 }));
        Assert.Empty(t.Calls);
    }

    [Fact]
    public async Task Dictionary_forms_use_local_or_raw_names()
    {
        var odoo = ScriptedTransport.Client(_ => """[{"id":1,"code":"A","referral_credit_type":[4,"cash"],"x_custom":false}]""", out _, version: "17.0");
        var rows = await odoo.Manager<ReferralCode>().SearchDictionariesAsync();
        // The keys of ToDictionary(): a many2one as its Id and Name halves.
        Assert.Equal(["Id", "Code", "ReferralCreditTypeId", "ReferralCreditTypeName", "x_custom"], rows[0].Keys);
        Assert.Equal(4, rows[0]["ReferralCreditTypeId"].GetInt32());
        Assert.Equal("cash", rows[0]["ReferralCreditTypeName"].GetString());
        var raw = await odoo.Manager<ReferralCode>().ListDictionariesAsync([1], rawNames: true);
        Assert.Equal(["id", "code", "referral_credit_type", "x_custom"], raw[0].Keys);
        Assert.Equal(JsonValueKind.False, raw[0]["x_custom"].ValueKind);
        await Assert.ThrowsAsync<OdooRecordNotFoundException>(() => odoo.Manager<ReferralCode>().ListDictionariesAsync([1, 2]));
    }

    [Fact]
    public async Task Record_refresh_update_delete_use_the_record_fields_and_context()
    {
        var odoo = ScriptedTransport.Client(c => c.Method == "read" ? Rows(5) : "true", out var t);
        var ctx = OdooContext.Empty.WithLang("fr_FR");
        var code = await odoo.Manager<ReferralCode>().GetAsync(5, ["Code"], ctx);
        var fresh = await code.RefreshAsync();
        Assert.NotSame(code, fresh);
        Assert.Equal(code, fresh);
        await fresh.UpdateAsync(new OdooValues { ["Code"] = "Z" });
        await fresh.DeleteAsync();
        var calls = t.Calls.ToArray();
        Assert.Equal(["read", "read", "write", "unlink"], calls.Select(c => c.Method));
        Assert.Equal("""["code"]""", calls[1].Arg("fields"));
        Assert.All(calls, c => Assert.Equal("fr_FR", (string)c.Context["lang"]!));
    }

    [Fact]
    public async Task Refresh_of_a_deleted_record_is_not_found()
    {
        var first = true;
        var odoo = ScriptedTransport.Client(_ => { var r = first ? Rows(5) : "[]"; first = false; return r; }, out _);
        var code = await odoo.Manager<ReferralCode>().GetAsync(5);
        var ex = await Assert.ThrowsAsync<OdooRecordNotFoundException>(() => code.RefreshAsync());
        Assert.Equal("ReferralCode record not found with ID: 5", ex.Message);
    }

    [Fact]
    public async Task Many2one_for_500_records_is_one_read_and_cached()
    {
        var odoo = ScriptedTransport.Client(c => c.Model == "openstack.credit.type"
            ? "[" + string.Join(",", c.Args["ids"]!.AsArray().Select(i => $$"""{"id":{{i}},"name":"T{{i}}"}""")) + "]"
            : Rows(Enumerable.Range(1, 500).ToArray()), out var t);
        var codes = await odoo.Manager<ReferralCode>().SearchAsync();
        await codes.LoadAsync(ReferralCode.Relations.ReferralCreditType);
        var reads = t.Calls.Where(c => c.Model == "openstack.credit.type").ToArray();
        var read = Assert.Single(reads);
        Assert.Equal("[101,102,100]", read.Arg("ids"));
        Assert.All(codes, c => Assert.Equal(c.ReferralCreditTypeId, c.ReferralCreditType!.Id));
        Assert.Equal("T101", codes[0].ReferralCreditType!.Name);
        // Cached: neither a second batch nor the single loader makes a request.
        await codes.LoadAsync(ReferralCode.Relations.ReferralCreditType);
        Assert.Same(codes[0].ReferralCreditType, await codes[0].LoadReferralCreditTypeAsync());
        Assert.Equal(2, t.Calls.Count);
    }

    [Fact]
    public async Task Concurrent_loads_of_the_same_relation_share_one_request()
    {
        var odoo = ScriptedTransport.Client(c => c.Model == "openstack.credit.type"
            ? "[" + string.Join(",", c.Args["ids"]!.AsArray().Select(i => $$"""{"id":{{i}},"name":"T{{i}}"}""")) + "]"
            : Rows(1, 2, 3, 4), out var t);
        var codes = await odoo.Manager<ReferralCode>().SearchAsync();
        t.Delay = TimeSpan.FromMilliseconds(100);
        await Task.WhenAll(
            codes.LoadAsync(ReferralCode.Relations.ReferralCreditType),
            codes.LoadAsync(ReferralCode.Relations.ReferralCreditType),
            codes[0].LoadReferralCreditTypeAsync().AsTask(),
            codes.Take(2).LoadAsync(ReferralCode.Relations.ReferralCreditType));
        Assert.Single(t.Calls, c => c.Model == "openstack.credit.type");
    }

    [Fact]
    public async Task X2many_for_many_records_is_one_read_in_each_owner_order()
    {
        var odoo = ScriptedTransport.Client(c => c.Model == "res.partner"
            ? "[" + string.Join(",", c.Args["ids"]!.AsArray().Select(i => $$"""{"id":{{i}},"name":"P{{i}}"}""")) + "]"
            : Rows(1, 2, 3), out var t);
        var codes = await odoo.Manager<ReferralCode>().SearchAsync(context: OdooContext.Empty.WithActiveTest(false));
        await codes.LoadAsync(ReferralCode.Relations.Referrals);
        var read = Assert.Single(t.Calls, c => c.Model == "res.partner");
        Assert.Equal("[1,2,3,4]", read.Arg("ids"));
        Assert.False((bool)read.Context["active_test"]!);
        Assert.Equal(["P2", "P3"], codes[1].Referrals.Select(p => p.Name));
    }

    [Fact]
    public async Task Missing_related_records_are_reported()
    {
        var odoo = ScriptedTransport.Client(c => c.Model == "openstack.credit.type" ? """[{"id":101,"name":"x"}]""" : Rows(1, 2), out _);
        var codes = await odoo.Manager<ReferralCode>().SearchAsync();
        var ex = await Assert.ThrowsAsync<OdooRecordNotFoundException>(() => codes.LoadAsync(ReferralCode.Relations.ReferralCreditType));
        Assert.Equal("ReferralCode.ReferralCreditType: the related CreditType records with IDs not found: 102", ex.Message);
        Assert.Null(codes[1].GetFetchedFields());
    }

    [Fact]
    public async Task Context_per_client_and_per_call()
    {
        var odoo = ScriptedTransport.Client(_ => "[]", out var t, context: OdooContext.Empty.WithLang("en_NZ").WithTimeZone("Pacific/Auckland"));
        await odoo.Manager<ReferralCode>().SearchAsync();
        await odoo.Manager<ReferralCode>().SearchAsync(context: OdooContext.Empty.WithLang("de_DE").WithAllowedCompanies(1, 3));
        var calls = t.Calls.ToArray();
        Assert.Equal("""{"lang":"en_NZ","tz":"Pacific/Auckland"}""", calls[0].Context.ToJsonString());
        Assert.Equal("""{"allowed_company_ids":[1,3],"lang":"de_DE","tz":"Pacific/Auckland"}""", calls[1].Context.ToJsonString());
    }

    [Fact]
    public async Task Search_can_include_relations_with_one_read_each()
    {
        var odoo = ScriptedTransport.Client(c => c.Model switch
        {
            "openstack.credit.type" or "res.partner" => "[" + string.Join(",", c.Args["ids"]!.AsArray().Select(i => $$"""{"id":{{i}},"name":"N{{i}}"}""")) + "]",
            _ => Rows(1, 2, 3),
        }, out var t);
        var codes = await odoo.Manager<ReferralCode>().SearchAsync(
            fields: ["Code"], include: [OdooInclude.Of(ReferralCode.Relations.ReferralCreditType), OdooInclude.Of(ReferralCode.Relations.Referrals)]);
        Assert.Equal(3, t.Calls.Count);
        Assert.Equal("""["code","referral_credit_type","referrals"]""", t.Calls.First().Arg("fields"));
        Assert.Equal("N102", codes[1].ReferralCreditType!.Name);
        Assert.Equal(["N3", "N4"], codes[2].Referrals.Select(p => p.Name));
    }
}
