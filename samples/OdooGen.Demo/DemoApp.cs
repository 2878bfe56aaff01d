using Odoo;
using Odoo.Models.OpenStack;
using OdooGen.Demo.Embedded;
using OdooGen.Demo.Output;

namespace OdooGen.Demo;

/// <summary>
/// The demo's entry point: runs the billing flow on the in-memory Odoo, or its read-only part on a
/// real one, and turns the errors a user can cause (bad URL, bad credentials, wrong options) into
/// one line on the error output and a non-zero exit code.
/// </summary>
internal static class DemoApp
{
    /// <summary>Exit code: the flow ran.</summary>
    public const int Success = 0;

    /// <summary>Exit code: Odoo could not be reached, refused the login or answered with an error.</summary>
    public const int Failure = 1;

    /// <summary>Exit code: the command line is wrong.</summary>
    public const int UsageError = 2;

    /// <summary>Exit code: cancelled (Ctrl+C).</summary>
    public const int Cancelled = 130;

    /// <summary>Runs the demo.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="output">Where the flow is printed.</param>
    /// <param name="error">Where an error line is printed.</param>
    /// <param name="environment">Reads an environment variable.</param>
    /// <param name="interactive">Whether <paramref name="output"/> is a terminal.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args, TextWriter output, TextWriter error, Func<string, string?> environment,
        bool interactive = false, CancellationToken cancellationToken = default)
    {
        DemoArguments arguments;
        try
        {
            arguments = DemoArguments.Parse(args, environment);
        }
        catch (DemoUsageException e)
        {
            await error.WriteLineAsync($"error: {e.Message} (see --help)");
            return UsageError;
        }

        if (arguments.ShowHelp)
        {
            await output.WriteLineAsync(DemoArguments.Usage);
            return Success;
        }

        try
        {
            if (arguments.Url is null) await RunEmbeddedAsync(arguments, output, interactive, cancellationToken);
            else await RunAgainstRealOdooAsync(arguments, output, interactive, cancellationToken);
            return Success;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("cancelled");
            return Cancelled;
        }
        catch (Exception e) when (e is OdooException or ArgumentException)
        {
            await output.FlushAsync(cancellationToken);
            await error.WriteLineAsync("error: " + OneLine(Describe(e, arguments)));
            return Failure;
        }
    }

    private static async Task RunEmbeddedAsync(DemoArguments arguments, TextWriter output, bool interactive, CancellationToken cancellationToken)
    {
        await using var server = await EmbeddedOdoo.StartAsync(cancellationToken);
        var report = new DemoReport(output, new ServerRequestLog(server), interactive);

        await using var odoo = await OpenStackOdooClient.ConnectAsync(new OdooClientOptions
        {
            Url = server.BaseUrl,
            Database = server.Database,
            Username = server.Username,
            Password = server.Password,
        }, cancellationToken);
        var connectRequests = report.TotalRequests;
        report.Title("OdooGen demo: OpenStack billing on the in-memory Odoo (Odoo.Testing)");
        ShowConnection(report, odoo, connectRequests);

        var flow = new BillingFlow(odoo, report);
        await flow.RunAsync(arguments.Code ?? BillingData.WelcomeCode, BillingData.ProductionProjectOsId, cancellationToken);
        report.Summary("Connect (version, session login)", connectRequests);
    }

    private static async Task RunAgainstRealOdooAsync(DemoArguments arguments, TextWriter output, bool interactive, CancellationToken cancellationToken)
    {
        // We cannot read a real server's log, so the requests are counted as they leave.
        using var counter = new CountingHandler();
        var report = new DemoReport(output, counter, interactive);

        await using var odoo = await OpenStackOdooClient.ConnectAsync(new OdooClientOptions
        {
            Url = arguments.Url,
            Database = arguments.Database,
            Username = arguments.Username,
            Password = arguments.Password,
            HttpMessageHandler = counter,
        }, cancellationToken);
        var connectRequests = report.TotalRequests;
        report.Title($"OdooGen demo: OpenStack billing on {arguments.Url} (read-only)");
        ShowConnection(report, odoo, connectRequests);

        var flow = new BillingFlow(odoo, report);
        await flow.RunReadOnlyAsync(arguments.Code, cancellationToken);
        report.Summary("Connect (version, session login)", connectRequests);
    }

    private static void ShowConnection(DemoReport report, OpenStackOdooClient odoo, int requests)
    {
        var client = odoo.Client;
        report.Line($"Connected to Odoo {client.ServerVersion} at {client.BaseUrl}");
        report.Line($"database '{client.Database}', protocol {client.Protocol}, user id {odoo.UserId}: {DemoReport.Plural(requests, "request")}");
        report.Line();
    }

    private static string Describe(Exception e, DemoArguments arguments)
    {
        var where = arguments.Url?.ToString() ?? "the in-memory Odoo";
        return e switch
        {
            OdooAccessDeniedException => $"Odoo at {where} refused the login of '{arguments.Username}' on database '{arguments.Database}'; check the username and password (or API key).",
            OdooTransportException { IsTimeout: true } => $"Odoo at {where} did not answer in time.",
            OdooTransportException { StatusCode: { } status } => $"Odoo at {where} answered HTTP {status}; is the URL right?",
            OdooTransportException => $"cannot reach Odoo at {where}: {e.GetBaseException().Message}",
            OdooProtocolException => $"{where} does not answer like an Odoo server: {e.Message}",
            OdooServerException server => $"Odoo answered with an error: {server.Message}",
            _ => e.Message,
        };
    }

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
