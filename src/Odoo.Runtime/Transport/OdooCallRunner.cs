using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Odoo.Diagnostics;

namespace Odoo.Transport;

/// <summary>How failed reads are retried. Immutable; one per client.</summary>
/// <param name="MaxReadRetries">How many extra attempts a read gets.</param>
/// <param name="BaseDelay">The delay before the first retry; doubled for each later one, with jitter.</param>
/// <param name="MaxDelay">The longest delay between two attempts.</param>
/// <param name="Budget">How long after the first failure a retry may still start.</param>
internal sealed record RetryPolicy(int MaxReadRetries, TimeSpan BaseDelay, TimeSpan MaxDelay, TimeSpan Budget)
{
    public static RetryPolicy None { get; } = new(0, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>Where retries and failed calls are logged (<see cref="OdooLog"/>).</summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;

    /// <summary>Whether a failed call is logged; off while connecting, where probes fail by design and the connection's outcome is logged instead.</summary>
    public bool LogFailures { get; init; } = true;

    /// <summary>The policy the options describe.</summary>
    public static RetryPolicy From(OdooClientOptions options) =>
        new(options.ReadRetryBudget > TimeSpan.Zero ? options.MaxReadRetries : 0, options.RetryDelay, options.MaxRetryDelay, options.ReadRetryBudget)
        {
            Logger = options.LoggerFactory?.CreateLogger(OdooTelemetry.LoggerCategory) ?? NullLogger.Instance,
        };

    /// <summary>The policy used while connecting: at most two retries within two seconds, so a wrong URL fails fast.</summary>
    public RetryPolicy ForConnect() => this with { MaxReadRetries = Math.Min(MaxReadRetries, 2), Budget = Budget < TimeSpan.FromSeconds(2) ? Budget : TimeSpan.FromSeconds(2), LogFailures = false };

    /// <summary>The delay before retry number <paramref name="retry"/> (from 0): exponential, capped, ±20% jitter.</summary>
    public TimeSpan DelayBefore(int retry)
    {
        if (BaseDelay <= TimeSpan.Zero) return TimeSpan.Zero;
        var ms = BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry, 30));
        ms = Math.Min(ms, Math.Max(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds));
        return TimeSpan.FromMilliseconds(ms * (0.8 + (Random.Shared.NextDouble() * 0.4)));
    }

    /// <summary>Whether retry number <paramref name="retry"/> (from 0) may wait <paramref name="delay"/>, <paramref name="sinceFirstFailure"/> after the first failure.</summary>
    public bool Allows(int retry, TimeSpan sinceFirstFailure, TimeSpan delay) =>
        retry < MaxReadRetries && sinceFirstFailure + delay <= Budget;
}

/// <summary>Runs one logical call: telemetry around it, and retries for reads only.</summary>
internal static class OdooCallRunner
{
    /// <summary>
    /// Whether another attempt fits the policy, and the delay before it: the policy's backoff, or the server's
    /// <c>Retry-After</c> when that is longer (it is not capped by <see cref="RetryPolicy.MaxDelay"/>, only by the budget).
    /// </summary>
    private static bool ShouldRetry(RetryPolicy policy, int retries, Exception failure, ref long firstFailure, out TimeSpan delay)
    {
        var now = Stopwatch.GetTimestamp();
        if (firstFailure == 0) firstFailure = now;
        delay = policy.DelayBefore(retries);
        if (failure is OdooTransportException { RetryAfter: { } asked } && asked > delay) delay = asked;
        return policy.Allows(retries, Stopwatch.GetElapsedTime(firstFailure, now), delay);
    }

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
        long firstFailure = 0;
        try
        {
            while (true)
            {
                TimeSpan delay;
                try
                {
                    return await attempt(state, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (isRead && OdooWire.IsTransient(ex) && !cancellationToken.IsCancellationRequested &&
                    ShouldRetry(policy, retries, ex, ref firstFailure, out delay))
                {
                    retries++;
                    OdooTelemetry.Retries.Add(1, new KeyValuePair<string, object?>(OdooTelemetry.ModelTag, info.Model), new KeyValuePair<string, object?>(OdooTelemetry.MethodTag, info.Method));
                    activity?.AddEvent(new ActivityEvent("retry", tags: new ActivityTagsCollection
                    {
                        ["odoo.retry"] = retries,
                        ["odoo.retry.delay_ms"] = (int)delay.TotalMilliseconds,
                        ["exception.type"] = ex.GetType().FullName,
                    }));
                    if (policy.Logger.IsEnabled(LogLevel.Warning))
                    {
                        OdooLog.RetryingRead(policy.Logger, OdooLog.ModelOf(info), info.Method, retries, policy.MaxReadRetries, (long)delay.TotalMilliseconds, OdooLog.Reason(ex));
                    }
                }
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            failure = ex;
            if (policy.LogFailures) OdooLog.Failure(policy.Logger, info, ex);
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
