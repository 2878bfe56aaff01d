// A consumer of the typed API, published trimmed (and native AOT): connects to the Odoo given on the command
// line, creates, queries, updates and deletes partners with generated field references and values types.
using Odoo;
using Odoo.Models.OpenStack;
using Odoo.Values;

if (args.Length != 4)
{
    Console.Error.WriteLine("usage: TrimmedConsumer <url> <database> <username> <password>");
    return 2;
}

await using var odoo = await OpenStackOdooClient.ConnectAsync(new OdooClientOptions
{
    Url = new Uri(args[0]),
    Database = args[1],
    Username = args[2],
    Password = args[3],
    Protocol = OdooProtocol.JsonRpc,
});

var parent = await odoo.Partners.CreateAsync(new PartnerValues { Name = "Trimmed Parent", Email = "parent@trim.example" });
var child = await odoo.Partners.CreateAsync(new PartnerValues { Name = "Trimmed Child", Parent = parent });
var found = await odoo.Partners.SearchAsync(
    Partner.Fields.Name.Like("Trimmed%") & Partner.Fields.Parent == parent,
    fields: [Partner.Fields.Name, Partner.Fields.Parent],
    order: Partner.Fields.Name.Descending);
await odoo.Partners.UpdateAsync(child, new PartnerValues { Email = "child@trim.example" });
var reread = await odoo.Partners.GetByUniqueFieldAsync(Partner.Fields.Email, "child@trim.example");
await odoo.Partners.DeleteAsync([child, parent]);
var left = await odoo.Partners.CountAsync(Partner.Fields.Name.Like("Trimmed%"));

Console.WriteLine($"found {found.Count}: {string.Join(", ", found.Select(p => $"{p.Name} <{p.ParentName}>"))}");
Console.WriteLine($"reread {reread.Name} {reread.Email}");
Console.WriteLine($"left {left}");
Console.WriteLine(found.Count == 1 && reread.Id == child && left == 0 ? "trimmed consumer OK" : "trimmed consumer FAILED");
return found.Count == 1 && reread.Id == child && left == 0 ? 0 : 1;
