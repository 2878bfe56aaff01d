// The OdooGen demo: `dotnet run --project samples/OdooGen.Demo` walks an OpenStack billing flow on
// the in-memory Odoo; add --url/--database/--username/--password to read from a real Odoo instead.
// The flow itself is in BillingFlow.cs.
using OdooGen.Demo;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

return await DemoApp.RunAsync(
    args, Console.Out, Console.Error, Environment.GetEnvironmentVariable,
    interactive: !Console.IsOutputRedirected, cancellationToken: cancellation.Token);
