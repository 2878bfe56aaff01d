using Odoo.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
return await OdooCli.RunAsync(args, OdooCliConsole.System, cancellation.Token).ConfigureAwait(false);
