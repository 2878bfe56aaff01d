using Odoo.Domains;

namespace Odoo.Runtime.Tests.Managers;

/// <summary><c>client.Model(name)</c>: the library's own domain type, and the managers' argument order.</summary>
public sealed class RawClientTests
{
    [Fact]
    public async Task An_OdooDomain_is_encoded_by_every_method_that_takes_a_domain()
    {
        var odoo = ScriptedTransport.Client(c => c.Method switch
        {
            "search_read" => """[{"id":1,"name":"Acme"}]""",
            "search" => "[3,1]",
            "search_count" => "2",
            _ => """[[1,"Acme"]]""",
        }, out var t);
        var partners = odoo.Model("res.partner");
        var domain = OdooDomain.Equal("is_company", true) & OdooDomain.Where("create_date", ">=", new DateOnly(2024, 1, 31));
        const string expected = """["&",["is_company","=",true],["create_date",">=","2024-01-31"]]""";

        Assert.Single(await partners.SearchReadAsync(domain, ["name"]));
        IReadOnlyList<int> ids = await partners.SearchAsync(domain);
        Assert.Equal([3, 1], ids);
        Assert.Equal(2, await partners.SearchCountAsync(domain));
        Assert.Single(await partners.NameSearchAsync("Ac", domain));

        Assert.Equal(["search_read", "search", "search_count", "name_search"], t.Calls.Select(c => c.Method));
        Assert.All(t.Calls, c => Assert.Equal(expected, c.Arg("domain")));
    }

    [Fact]
    public async Task Undeclared_names_pass_through_and_the_empty_domain_is_an_empty_list()
    {
        var odoo = ScriptedTransport.Client(_ => "0", out var t);
        await odoo.Model("x.thing").SearchCountAsync(OdooDomain.Where("Whatever.Path", "=", "v"));
        await odoo.Model("x.thing").SearchCountAsync(OdooDomain.All);
        await odoo.Model("x.thing").SearchCountAsync();
        Assert.Equal(["""[["Whatever.Path","=","v"]]""", "[]", "[]"], t.Calls.Select(c => c.Arg("domain")));
    }

    [Fact]
    public async Task Search_arguments_come_in_the_managers_order_domain_fields_order_limit_offset()
    {
        var odoo = ScriptedTransport.Client(c => c.Method == "search" ? "[5]" : "[]", out var t);
        var partners = odoo.Model("res.partner");
        await partners.SearchReadAsync(OdooDomain.All, ["name"], "name desc", 10, 20);
        await partners.SearchAsync(OdooDomain.All, "id", 3, 6);
        var read = t.Calls.First();
        Assert.Equal(("\"name desc\"", "10", "20"), (read.Arg("order"), read.Arg("limit"), read.Arg("offset")));
        var search = t.Calls.Last();
        Assert.Equal(("\"id\"", "3", "6"), (search.Arg("order"), search.Arg("limit"), search.Arg("offset")));
    }
}
