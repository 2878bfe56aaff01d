using System.Reflection;
using System.Text.RegularExpressions;
using Odoo.Domains;
using Odoo.Managers;
using Odoo.Values;

namespace Odoo.Models.OpenStack.Tests;

/// <summary>
/// Every table row of docs/differences-from-python.md is checked against the code: the model rows are the
/// expected differences the reference walk verifies, the API names of the method rows exist, and each row of the
/// manager tables has a behaviour check here (a new row without one fails).
/// </summary>
public sealed partial class DifferencesDocumentTests
{
    private sealed record Row(string Section, string Reference, string CSharp)
    {
        public string Key => Reference == "—" ? Ticks(CSharp).First() : Reference;
    }

    private static readonly Lazy<IReadOnlyList<Row>> Rows = new(() =>
    {
        var rows = new List<Row>();
        string section = "";
        foreach (var line in File.ReadLines(Path.Combine(RepoRoot(), "docs", "differences-from-python.md")))
        {
            if (line.StartsWith("### ", StringComparison.Ordinal)) section = line[4..];
            if (!line.StartsWith("| ", StringComparison.Ordinal) || line.StartsWith("|---", StringComparison.Ordinal)) continue;
            var cells = line.Trim('|').Split(" | ").Select(c => c.Trim()).ToArray();
            if (cells[0] == "Reference") continue;
            rows.Add(new Row(section, cells[0], cells.Length > 1 ? cells[1] : ""));
        }
        return rows;
    });

    private static IEnumerable<string> Ticks(string cell) => TickPattern().Matches(cell).Select(m => m.Groups[1].Value);

    [Fact]
    public void The_model_rows_are_the_expected_differences_the_reference_walk_checks()
    {
        var modelRows = Rows.Value.Where(r => r.Section is "Fields declared as Odoo 18 has them" || r.Section.StartsWith("Nullable", StringComparison.Ordinal)).ToList();
        Assert.True(modelRows.Count > 20);
        foreach (var row in modelRows)
        {
            if (row.Reference.StartsWith("`create_date` (every record)", StringComparison.Ordinal))
            {
                Assert.Equal(typeof(DateTime?), typeof(OdooRecord).GetProperty(nameof(OdooRecord.CreateDate))!.PropertyType);
                continue;
            }
            foreach (var member in Ticks(row.Reference))
            {
                var dot = member.IndexOf('.', StringComparison.Ordinal);
                if (ExtraSelectionKeys.TryGetValue(member, out var key))
                {
                    // A selection with keys the reference lacks (the walk only reports missing keys).
                    var field = ModelTypes.Metadata(ModelTypes.Record(member[..dot])).FindByName(Names.Pascal(member[(dot + 1)..]))!;
                    Assert.Contains(key, field.SelectionOptions.Select(o => o.Key));
                    continue;
                }
                var name = member[(dot + 1)..];
                if (row.Section.StartsWith("Nullable", StringComparison.Ordinal))
                {
                    var meta = ModelTypes.Metadata(ModelTypes.Record(member[..dot]));
                    var declared = meta.FindByName(Names.Pascal(name));
                    if (declared?.AliasOf is { } target) declared = meta.FindByName(target);
                    Assert.True(declared is { IsNullable: true }, $"{member}: the row says nullable, the declaration is not.");
                    continue;
                }
                // The name half of a pair has the nullability of its id half, which the walk checks.
                if (name.EndsWith("_name", StringComparison.Ordinal) && !ExpectedDifferences.All.Any(d => d.Record == member[..dot] && d.Member == name)) name = name[..^5] + "_id";
                Assert.True(ExpectedDifferences.All.Any(d => d.Record == member[..dot] && d.Member == name), $"{member}: no expected difference (the walk checks those against the code).");
            }
        }
    }

    private static readonly Dictionary<string, string> ExtraSelectionKeys = new(StringComparer.Ordinal)
    {
        ["SaleOrder.state"] = "sent",
        ["SaleOrderLine.state"] = "sent",
        ["AccountMove.payment_state"] = "blocked",
    };

    [Fact]
    public void Every_api_name_the_method_and_manager_rows_name_exists()
    {
        var assemblies = new[] { typeof(OdooClient).Assembly, typeof(OpenStackOdooClient).Assembly };
        var types = assemblies.SelectMany(a => a.GetExportedTypes()).ToList();
        var members = types.SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)).Select(m => m.Name).ToHashSet();
        var typeNames = types.Select(t => t.Name.Split('`')[0]).ToHashSet();
        var checkedNames = 0;
        foreach (var row in Rows.Value.Where(r => r.Section is "Model-specific methods" or "Reads" or "Domains" or "Writes" or "Records"))
        {
            foreach (var token in Ticks(row.CSharp))
            {
                foreach (Match m in ApiName().Matches(token))
                {
                    var name = m.Value;
                    var parts = name.Split('.');
                    var ok = Type.GetType("System." + name) is not null || (parts.Length == 1
                        ? members.Contains(name) || typeNames.Contains(name)
                        : typeNames.Contains(parts[0]) || members.Contains(parts[^1]) && (parts[0][0] is >= 'a' and <= 'z' || types.Any(t => t.Name == parts[0])));
                    Assert.True(ok, $"'{name}' (row {row.Key}) is not a public type or member.");
                    checkedNames++;
                }
            }
        }
        Assert.True(checkedNames > 60, $"only {checkedNames} names checked");
    }

    public static TheoryData<string> ManagerRows() => [.. Rows.Value.Where(r => r.Section is "Reads" or "Domains" or "Writes" or "Records").Select(r => r.Key)];

    [Theory]
    [MemberData(nameof(ManagerRows))]
    public async Task Each_manager_row_has_a_behaviour_check(string key)
    {
        var check = Checks.FirstOrDefault(c => key.StartsWith(c.Key, StringComparison.Ordinal)).Value;
        Assert.True(check is not null, $"The row '{key}' has no check in DifferencesDocumentTests.Checks.");
        await using var odoo = await TestOdoo.StartAsync(server => TestOdoo.SeedReferralCodePage(server));
        odoo.Server.ClearRequests();
        await check(odoo);
    }

    private static string Methods(TestOdoo odoo) => string.Join(",", odoo.Calls().Select(c => c.Method));

    private static string Encode(OdooDomain domain) => domain.Encode(SaleOrder.Metadata).ToString();

    private static readonly Dictionary<string, Func<TestOdoo, Task>> Checks = new(StringComparer.Ordinal)
    {
        // Reads
        ["`search` = `search` + `read`"] = async o => { await o.Odoo.ReferralCodes.SearchAsync(); Assert.Equal("search_read", Methods(o)); },
        ["`search` has no `limit`"] = async o =>
        {
            var all = await o.Odoo.Partners.SearchIdsAsync(order: "id");
            Assert.Equal(all.Skip(1).Take(1), (await o.Odoo.Partners.SearchAsync(order: "id", limit: 1, offset: 1)).Select(p => p.Id));
        },
        ["`order` is sent as written"] = o =>
        {
            Assert.Equal("create_date desc, referral_credit_type", o.Odoo.ReferralCodes.EncodeOrder("CreateDate desc, referral_credit_type_id"));
            Assert.Throws<ArgumentException>(() => o.Odoo.ReferralCodes.EncodeOrder("creat_date"));
            return Task.CompletedTask;
        },
        ["StreamAsync"] = async o => { await foreach (var _ in o.Odoo.ReferralCodes.StreamAsync(batchSize: 1)) { } Assert.Equal("search_read", Methods(o)); },
        ["`as_id=True` / `as_dict=True` flags"] = async o =>
        {
            Assert.Equal([1234], await o.Odoo.ReferralCodes.SearchIdsAsync());
            var row = (await o.Odoo.ReferralCodes.SearchDictionariesAsync(fields: ["referral_credit_type"]))[0];
            Assert.Equal(11, row["ReferralCreditTypeId"].GetInt32());
        },
        ["`optional=True`"] = async o => { Assert.Null(await o.Odoo.ReferralCodes.FindAsync(999)); Assert.Null(await o.Odoo.ReferralCodes.FindByCodeAsync("none")); },
        ["`list(int)` sends a bare id"] = async o => { await o.Odoo.ReferralCodes.GetAsync(1234, ["code"]); Assert.StartsWith("[[1234]", o.Calls()[0].Args, StringComparison.Ordinal); },
        ["CountAsync"] = async o => { Assert.Equal(1, await o.Odoo.ReferralCodes.CountAsync()); Assert.Equal("search_count", Methods(o)); },
        ["`get_by_unique_field` lists the matches"] = async o =>
        {
            var e = await Assert.ThrowsAsync<OdooRecordNotFoundException>(() => o.Odoo.ReferralCodes.GetByCodeAsync("NONE"));
            Assert.Equal("ReferralCode record not found with 'Code' value: NONE", e.Message);
        },
        ["`default_fields` (Attachment's)"] = o => { Assert.Contains("create_date", Attachment.Metadata.DefaultFields!); return Task.CompletedTask; },
        // Domains
        ["A list of tuples and operator strings"] = o =>
        {
            Assert.Equal("""["&",["name","=","a"],["partner_id","=",7]]""", Encode(OdooDomain.Equal("name", "a") & OdooDomain.Equal("partner", 7)));
            Assert.Equal("""[["name","=","a"]]""", Encode(OdooDomain.FromList([("name", "=", "a")])));
            return Task.CompletedTask;
        },
        ["**Quirk**: a `date` for a `datetime` field"] = o => { Assert.Equal("""[["date_order",">=","2024-06-01 00:00:00"]]""", Encode(OdooDomain.Where("date_order", ">=", new DateOnly(2024, 6, 1)))); return Task.CompletedTask; },
        ["Datetimes: the wall-clock digits"] = o => { Assert.Equal("""[["date_order",">=","2024-06-01 10:00:00"]]""", Encode(OdooDomain.Where("date_order", ">=", new DateTimeOffset(2024, 6, 1, 12, 0, 0, TimeSpan.FromHours(2))))); return Task.CompletedTask; },
        ["ArgumentException"] = o => { Assert.Equal("""[["state","=","sale"]]""", Encode(OdooDomain.Equal("state", SaleOrderState.Sale))); return Task.CompletedTask; }, // the enum row
        ["A falsy value for an x2many"] = o => { Assert.Equal("""[["order_line","in",[0,3]]]""", Encode(OdooDomain.In("order_lines", new[] { 0, 3 }))); Assert.Equal("""[["order_line","=",false]]""", Encode(OdooDomain.Equal("order_lines", null))); return Task.CompletedTask; },
        ["Field mapping by exact version string"] = o => { Assert.Equal("""[["type","=","x"]]""", OdooDomain.Equal("move_type", "x").Encode(AccountMove.Metadata, OdooVersion.Parse("13.0+e")).ToString()); return Task.CompletedTask; },
        ["any"] = o => { Assert.Equal("""[["partner_id","any",[["name","=","a"]]]]""", Encode(OdooDomain.Where("partner", "any", OdooDomain.Equal("Name", "a")))); return Task.CompletedTask; },
        // Writes
        ["`update` calls the ORM method"] = async o => { await o.Odoo.ReferralCodes.UpdateAsync(1234, new OdooValues { ["allowed_uses"] = 2 }); Assert.Equal("write", Methods(o)); },
        ["`create_multi()` with no mappings"] = async o => { Assert.Empty(await o.Odoo.ReferralCodes.CreateManyAsync(Array.Empty<OdooValues>())); Assert.Empty(o.Calls()); },
        ["`unlink()` with no ids"] = async o => { await o.Odoo.ReferralCodes.DeleteAsync(Array.Empty<int>()); await o.Odoo.ReferralCodes.UpdateAsync(Array.Empty<int>(), new OdooValues { ["code"] = "x" }); Assert.Empty(o.Calls()); },
        ["Keyword arguments"] = async o => { await o.Odoo.ReferralCodes.UpdateAsync(1234, new Dictionary<string, object?> { ["allowed_uses"] = 4 }); Assert.Equal(4, (await o.Odoo.ReferralCodes.GetAsync(1234)).AllowedUses); },
        ["**Quirk**: `null` cannot clear a many2one"] = o => { Assert.Equal("[[\"reward_credit_type\", False]]", string.Join(",", ValuesText(new OdooValues { ["reward_credit_type_id"] = null }))); return Task.CompletedTask; },
        ["**Quirk**: x2many values only produce link"] = o => { Assert.Equal("[[\"referrals\", [[6, 0, [3]]]]]", ValuesText(new OdooValues { ["referral_ids"] = new[] { 3 } })); return Task.CompletedTask; },
        ["Conflicting keys"] = o =>
        {
            var e = Assert.Throws<ArgumentException>(() => new OdooValues { ["ReferralCreditType"] = 1, ["referral_credit_type_id"] = 2 }.Encode(ReferralCode.Metadata));
            Assert.StartsWith("The keys 'ReferralCreditType' and 'referral_credit_type_id' both resolve to the Odoo field 'referral_credit_type' of ReferralCode; set it once.", e.Message, StringComparison.Ordinal);
            return Task.CompletedTask;
        },
        ["Undeclared keys are sent verbatim"] = o => { Assert.Equal("[[\"x_day\", \"2024-06-01\"]]", ValuesText(new OdooValues { ["x_day"] = new DateOnly(2024, 6, 1) })); return Task.CompletedTask; },
        ["Values are sent whatever their type"] = o => { Assert.Throws<ArgumentException>(() => new OdooValues { ["allowed_uses"] = "many" }.Encode(ReferralCode.Metadata)); return Task.CompletedTask; },
        ["`update` / `delete` of ids that no longer exist"] = async o =>
        {
            var e = await Assert.ThrowsAsync<OdooRecordNotFoundException>(() => o.Odoo.ReferralCodes.UpdateExistingAsync([999], new OdooValues { ["code"] = "x" }));
            Assert.Equal([999], e.MissingIds);
            Assert.DoesNotContain("write", Methods(o), StringComparison.Ordinal);
        },
        ["A create whose answer is lost"] = o => { Assert.False(typeof(OdooManager<ReferralCode>).GetMethod(nameof(OdooManager<ReferralCode>.CreateAsync), [typeof(OdooValues), typeof(OdooContext), typeof(CancellationToken)]) is null); return Task.CompletedTask; },
        // Records
        ["`record.refresh()` of a deleted record"] = async o =>
        {
            var code = await o.Odoo.ReferralCodes.GetAsync(1234);
            o.Server.Unlink("openstack.referral_code", 1234);
            var e = await Assert.ThrowsAsync<OdooRecordNotFoundException>(() => code.RefreshAsync());
            Assert.Equal("ReferralCode record not found with ID: 1234", e.Message);
        },
        ["`record.update(**fields)`"] = async o => { var code = await o.Odoo.ReferralCodes.GetAsync(1234); await code.UpdateAsync(new OdooValues { ["allowed_uses"] = 9 }); Assert.Equal(-1, code.AllowedUses); await code.DeleteAsync(); Assert.False(o.Server.Exists("openstack.referral_code", 1234)); },
        ["Relation `record` / `records` attributes"] = async o =>
        {
            var codes = await o.Odoo.ReferralCodes.SearchAsync();
            o.Server.ClearRequests();
            await codes.LoadAllRelationsAsync();
            Assert.Equal("read,read", Methods(o));
        },
        ["Equality is identity"] = async o => Assert.Equal(await o.Odoo.ReferralCodes.GetAsync(1234), await o.Odoo.ReferralCodes.GetAsync(1234, ["code"])),
        ["`as_dict(raw)`"] = async o =>
        {
            var code = await o.Odoo.ReferralCodes.GetAsync(1234, ["referral_credit_type"]);
            Assert.Equal(["Id", "ReferralCreditTypeId", "ReferralCreditTypeName"], code.ToDictionary().Keys.Order(StringComparer.Ordinal));
            Assert.Equal(["id", "referral_credit_type"], code.ToDictionary(raw: true).Keys.Order(StringComparer.Ordinal));
        },
    };

    private static string ValuesText(OdooValues values) =>
        "[" + string.Join(", ", values.Encode(ReferralCode.Metadata).Select(p => $"[\"{p.Key}\", {Py(p.Value)}]")) + "]";

    private static string Py(object? v) => v switch
    {
        null => "None",
        bool b => b ? "True" : "False",
        string s => "\"" + s + "\"",
        System.Collections.IEnumerable e => "[" + string.Join(", ", e.Cast<object?>().Select(Py)) + "]",
        _ => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)!,
    };

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OdooGen.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("The repository root (OdooGen.sln) was not found.");
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex TickPattern();

    // PascalCase API names: ListAsync, OdooDomain.Where, record.UpdateAsync (not prose like "Odoo" alone).
    [GeneratedRegex(@"\b(?:[a-z]\w*\.)?[A-Z][A-Za-z0-9]*(?:Async|Exception)\b|\bOdoo[A-Z]\w*(?:\.[A-Z]\w*)?\b")]
    private static partial Regex ApiName();
}
