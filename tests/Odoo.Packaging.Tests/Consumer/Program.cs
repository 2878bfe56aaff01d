using Billing;
using Microsoft.Extensions.DependencyInjection;
using Odoo;
using Odoo.Domains;
using Odoo.Extensions.DependencyInjection;
using Odoo.Models.OpenStack;
using Odoo.Testing;

// A consumer of the packed packages, as another team would write it: its own model, the OpenStack
// models, the DI registration, and Odoo.Testing as the server. Prints what it read; exits 0 when
// every check holds.
await using var server = await OdooTestServer.StartAsync();
DefineSchema(server);
var acme = server.Create("res.partner", new { name = "Acme Cloud", email = "billing@acme.example" });
server.Seed("x.billing.account",
    new { name = "ACME-002", balance = 0.0, partner_id = acme },
    new { name = "ACME-001", balance = 120.5, partner_id = acme },
    new { name = "UNASSIGNED", balance = 7.25, partner_id = false });

var services = new ServiceCollection();
services.AddOdooClient(
    o =>
    {
        o.Url = server.BaseUrl;
        o.Database = server.Database;
        o.Username = server.Username;
        o.Password = server.Password;
    },
    OpenStackOdooClient.FromClient);
await using var provider = services.BuildServiceProvider();
var odoo = await provider.GetRequiredService<IOdooClientProvider<OpenStackOdooClient>>().GetClientAsync();

server.ClearRequests();
var accounts = await odoo.Client.Manager<BillingAccount>().SearchAsync(OdooDomain.Where("Balance", ">", 0), order: "Name");
Check(accounts.Count == 2, $"2 accounts with a balance, got {accounts.Count}");
foreach (var a in accounts)
{
    Console.WriteLine($"account {a.Name} balance {a.Balance} partner {a.PartnerId?.ToString() ?? "-"} {a.PartnerName ?? "-"}");
}
var first = accounts[0];
Check(first is { Name: "ACME-001", Balance: 120.5m, PartnerId: not null, PartnerName: "Acme Cloud" }, $"ACME-001 of Acme Cloud, got {first}");
Check(accounts[1] is { Name: "UNASSIGNED", PartnerId: null }, "UNASSIGNED has no partner");

// The relation loads the OpenStack Partner record, decoded by the OpenStack package's generated code.
Partner partner = (await first.LoadPartnerAsync())!;
Console.WriteLine($"partner {partner.Id} {partner.Name} <{partner.Email}>");
Check(partner is { Name: "Acme Cloud", Email: "billing@acme.example" }, $"the partner, got {partner.Name}");
Check(ReferenceEquals(partner, await first.LoadPartnerAsync()), "a loaded relation is cached");

// And the other way round: the OpenStack manager, queried by the consumer's own code.
var byEmail = await odoo.Partners.SearchAsync(OdooDomain.Where("Email", "=", "billing@acme.example"), fields: ["Name"]);
Check(byEmail.Count == 1 && byEmail[0].Id == partner.Id, "the partner found by e-mail");

// The server logs a request just after answering it: give the last one a moment to land.
var calls = 0;
for (var i = 0; i < 50 && (calls = server.CountRequests(r => r.Model is not null)) < 3; i++) await Task.Delay(100);
Console.WriteLine($"requests {calls}");
Check(calls == 3, $"3 ORM calls (search_read, read, search_read), got {calls}");
Console.WriteLine("consumer OK");
return 0;

static void Check(bool condition, string what)
{
    if (!condition) throw new InvalidOperationException("Check failed: " + what);
}

// The server's schema, taken from the declarations' generated metadata: the consumer's own model and
// the OpenStack Partner (res.partner, which the server has, gets the declared fields), with the models
// their relations point at.
static void DefineSchema(OdooTestServer server) =>
    server.DefineModels([BillingAccount.Metadata, Partner.Metadata], includeRelated: true, configure: s =>
    {
        if (s.Name == "x.billing.account") s.Field("name")!.Required = true;
    });
