using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Odoo.Diagnostics;

/// <summary>
/// The names of the client's <see cref="ActivitySource"/> and <see cref="Meter"/>. Subscribe with
/// <c>AddSource(OdooTelemetry.Name)</c> / <c>AddMeter(OdooTelemetry.Name)</c> in OpenTelemetry.
/// Activities and measurements carry the model, method and outcome, never credentials or values.
/// </summary>
public static class OdooTelemetry
{
    /// <summary>The name of the activity source and meter: <c>Odoo.Runtime</c>.</summary>
    public const string Name = "Odoo.Runtime";

    /// <summary>The category of the client's log events (<see cref="OdooClientOptions.LoggerFactory"/>): <c>Odoo.Client</c>.</summary>
    public const string LoggerCategory = "Odoo.Client";

    /// <summary>The name of the call duration histogram (seconds).</summary>
    public const string DurationInstrument = "odoo.client.call.duration";

    /// <summary>The name of the call counter.</summary>
    public const string CallsInstrument = "odoo.client.calls";

    /// <summary>The tag naming the model.</summary>
    public const string ModelTag = "odoo.model";

    /// <summary>The tag naming the method.</summary>
    public const string MethodTag = "odoo.method";

    /// <summary>The tag naming the outcome: <c>success</c>, <c>server_error</c>, <c>access_denied</c>, <c>transport_error</c>,
    /// <c>timeout</c>, <c>protocol_error</c>, <c>cancelled</c> or <c>error</c>.</summary>
    public const string OutcomeTag = "odoo.outcome";

    /// <summary>The tag naming the protocol (<c>jsonrpc</c> or <c>json2</c>).</summary>
    public const string ProtocolTag = "odoo.protocol";

    internal static readonly ActivitySource Source = new(Name, typeof(OdooTelemetry).Assembly.GetName().Version?.ToString(3));

    internal static readonly Meter Meter = new(Name, typeof(OdooTelemetry).Assembly.GetName().Version?.ToString(3));

    internal static readonly Histogram<double> Duration =
        Meter.CreateHistogram<double>(DurationInstrument, unit: "s", description: "Duration of Odoo calls, retries included.");

    internal static readonly Counter<long> Calls =
        Meter.CreateCounter<long>(CallsInstrument, unit: "{call}", description: "Odoo calls by model, method and outcome.");

    internal static readonly Counter<long> Retries =
        Meter.CreateCounter<long>("odoo.client.retries", unit: "{retry}", description: "Retried read attempts.");

    internal static string Outcome(Exception? ex) => ex switch
    {
        null => "success",
        OdooAccessDeniedException => "access_denied",
        OdooServerException => "server_error",
        OdooTransportException { IsTimeout: true } => "timeout",
        OdooTransportException => "transport_error",
        OdooProtocolException => "protocol_error",
        OperationCanceledException => "cancelled",
        _ => "error",
    };
}
