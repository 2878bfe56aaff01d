using System.Diagnostics;
using Odoo.Diagnostics;

namespace Odoo.Transport;

/// <summary>How failed reads are retried. Immutable; one per client.</summary>
/// <param name="MaxReadRetries">How many extra attempts a read gets.</param>
/// <param name="BaseDelay">The delay before the first retry; doubled for each later one, with jitter.</param>
internal sealed record RetryPolicy(int MaxReadRetries, TimeSpan BaseDelay)
{
    public static RetryPolicy None { get; } = new(0, TimeSpan.Zero);

    public TimeSpan DelayBefore(int retry)
    {
        if (BaseDelay <= TimeSpan.Zero) return TimeSpan.Zero;
        var ms = BaseDelay.TotalMilliseconds * Math.Pow(2, retry);
        ms = Math.Min(ms, 30_000);
        return TimeSpan.FromMilliseconds(ms * (0.8 + (Random.Shared.NextDouble() * 0.4)));
    }
}

/// <summary>Runs one logical call: telemetry around it, and retries for reads only.</summary>
internal static class OdooCallRunner
{
    public static async Task<T> RunAsync<TState, T>(
        TState state,
        Func<TState, CancellationToken, Task<T>> attempt,
        CallInfo info,
        bool isRead,
        RetryPolicy policy,
        string protocol,
        Uri baseUrl,
        CancellationToken cancellationToken)
    {
        using var activity = OdooTelemetry.Source.StartActivity(
            info.Model is null ? info.Method : info.Model + " " + info.Method, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            if (info.Model is not null) activity.SetTag(OdooTelemetry.ModelTag, info.Model);
            activity.SetTag(OdooTelemetry.MethodTag, info.Method);
            activity.SetTag(OdooTelemetry.ProtocolTag, protocol);
            activity.SetTag("server.address", baseUrl.Host);
            activity.SetTag("server.port", baseUrl.Port);
            if (info.Ids is { } ids) activity.SetTag("odoo.ids.count", ids.Count);
        }
        var started = Stopwatch.GetTimestamp();
        Exception? failure = null;
        var retries = 0;
        try
        {
            while (true)
            {
                try
                {
                    return await attempt(state, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (isRead && retries < policy.MaxReadRetries && OdooWire.IsTransient(ex) && !cancellationToken.IsCancellationRequested)
                {
                    retries++;
                    OdooTelemetry.Retries.Add(1, new KeyValuePair<string, object?>(OdooTelemetry.ModelTag, info.Model), new KeyValuePair<string, object?>(OdooTelemetry.MethodTag, info.Method));
                    activity?.AddEvent(new ActivityEvent("retry", tags: new ActivityTagsCollection { ["odoo.retry"] = retries, ["exception.type"] = ex.GetType().FullName }));
                    await Task.Delay(policy.DelayBefore(retries - 1), cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex)
        {
            failure = ex;
            throw;
        }
        finally
        {
            var outcome = OdooTelemetry.Outcome(failure);
            var tags = new TagList
            {
                { OdooTelemetry.ModelTag, info.Model },
                { OdooTelemetry.MethodTag, info.Method },
                { OdooTelemetry.OutcomeTag, outcome },
                { OdooTelemetry.ProtocolTag, protocol },
            };
            OdooTelemetry.Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
            OdooTelemetry.Calls.Add(1, tags);
            if (activity is not null)
            {
                activity.SetTag(OdooTelemetry.OutcomeTag, outcome);
                if (retries > 0) activity.SetTag("odoo.retries", retries);
                if (failure is not null)
                {
                    activity.SetTag("error.type", failure.GetType().FullName);
                    activity.SetStatus(ActivityStatusCode.Error, failure.GetType().Name);
                }
                else
                {
                    activity.SetStatus(ActivityStatusCode.Ok);
                }
            }
        }
    }
}
