using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Odoo.Extensions.DependencyInjection;

/// <summary>
/// Connects once, lazily, and shares the client. The connection attempt is one shared task: concurrent
/// callers wait on the same attempt (each with its own cancellation), a failed or cancelled attempt is
/// forgotten so the next call tries again, and a successful one is kept until disposal. The options are read
/// (<see cref="IOptionsMonitor{TOptions}.CurrentValue"/>) only when connecting: a change after a successful
/// connection is not applied (no reconnect; documented in PACKAGE.md and on <see cref="IOdooClientProvider"/>).
/// </summary>
internal sealed class OdooClientProvider : IOdooClientProvider, IAsyncDisposable, IDisposable
{
    private readonly IOptionsMonitor<OdooClientOptions> _options;
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly ILoggerFactory? _loggerFactory;
    private readonly string _optionsName;
    private readonly string _httpClientName;
    private readonly CancellationTokenSource _disposing = new();
    private readonly object _gate = new();
    private Task<OdooClient>? _connection;
    private bool _disposed;

    public OdooClientProvider(IOptionsMonitor<OdooClientOptions> options, IHttpClientFactory httpClientFactory)
        : this(options, httpClientFactory, null, Options.DefaultName, OdooServiceCollectionExtensions.HttpClientName)
    {
    }

    /// <summary>The provider of the client whose options are named <paramref name="optionsName"/> (a keyed client's key; empty for the default client).</summary>
    public OdooClientProvider(IOptionsMonitor<OdooClientOptions> options, IHttpClientFactory httpClientFactory, ILoggerFactory? loggerFactory, string optionsName, string httpClientName)
    {
        _options = options;
        _httpClientFactory = httpClientFactory;
        _loggerFactory = loggerFactory;
        _optionsName = optionsName;
        _httpClientName = httpClientName;
    }

    /// <summary>
    /// The connected client, for a service that takes <see cref="OdooClient"/> itself: returns at once when connected,
    /// and otherwise waits for the shared connection attempt (a blocked thread, once; <c>ConnectOnStart()</c> connects
    /// before the first request instead).
    /// </summary>
    public OdooClient GetConnectedClient()
    {
        var pending = GetClientAsync(CancellationToken.None);
        // The attempt runs on the thread pool (ConnectAsync yields first), so waiting here cannot deadlock a synchronization context.
        return pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
    }

    public ValueTask<OdooClient> GetClientAsync(CancellationToken cancellationToken = default)
    {
        var connection = Volatile.Read(ref _connection);
        if (connection is { IsCompletedSuccessfully: true } && !Volatile.Read(ref _disposed))
        {
            return new ValueTask<OdooClient>(connection.Result);
        }
        return WaitForConnectionAsync(cancellationToken);
    }

    private async ValueTask<OdooClient> WaitForConnectionAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Task<OdooClient> connection;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var current = _connection;
            if (current is null || current.IsFaulted || current.IsCanceled)
            {
                // Started outside the caller's token: one caller giving up must not fail the others.
                current = ConnectAsync(_disposing.Token);
                Volatile.Write(ref _connection, current);
            }
            connection = current;
        }
        return await connection.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<OdooClient> ConnectAsync(CancellationToken cancellationToken)
    {
        // Leave the lock before doing any work: the options, the factory and ConnectAsync all run user code.
        // ForceYielding continues on the thread pool, never on the caller's SynchronizationContext.
        await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        var options = CreateConnectOptions(_options.Get(_optionsName), _httpClientFactory, _httpClientName);
        options.LoggerFactory ??= _loggerFactory;
        return await OdooClient.ConnectAsync(options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The options to connect with: a copy of the configured ones (never mutated: they are shared) with the
    /// named <see cref="HttpClient"/> from the factory, unless the application injected its own client or
    /// handler. The TLS settings were applied to the factory's primary handler, so they are cleared here
    /// (the client refuses TLS settings next to an injected <see cref="HttpClient"/>).
    /// </summary>
    internal static OdooClientOptions CreateConnectOptions(OdooClientOptions configured, IHttpClientFactory httpClientFactory, string httpClientName = OdooServiceCollectionExtensions.HttpClientName)
    {
        var copy = Copy(configured);
        if (copy.HttpClient is null && copy.HttpMessageHandler is null)
        {
            copy.HttpClient = httpClientFactory.CreateClient(httpClientName);
            copy.VerifyTls = true;
            copy.CaCertificatePath = null;
        }
        return copy;
    }

    // Every settable property of OdooClientOptions; a test fails when one is added and not copied here.
    internal static OdooClientOptions Copy(OdooClientOptions o) => new()
    {
        Url = o.Url,
        Host = o.Host,
        Port = o.Port,
        UseHttps = o.UseHttps,
        Protocol = o.Protocol,
        Database = o.Database,
        Username = o.Username,
        Password = o.Password,
        ApiKey = o.ApiKey,
        VerifyTls = o.VerifyTls,
        CaCertificatePath = o.CaCertificatePath,
        ServerVersion = o.ServerVersion,
        Timeout = o.Timeout,
        MaxReadRetries = o.MaxReadRetries,
        RetryDelay = o.RetryDelay,
        MaxRetryDelay = o.MaxRetryDelay,
        ReadRetryBudget = o.ReadRetryBudget,
        MaxConcurrentCalls = o.MaxConcurrentCalls,
        UseWebSession = o.UseWebSession,
        UserAgent = o.UserAgent,
        HttpClient = o.HttpClient,
        HttpMessageHandler = o.HttpMessageHandler,
        Context = o.Context,
        LoggerFactory = o.LoggerFactory,
    };

    public async ValueTask DisposeAsync()
    {
        var connection = BeginDispose();
        if (connection is null) return;
        try
        {
            var client = await connection.ConfigureAwait(false);
            await client.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The attempt failed or was cancelled by the disposal: there is no client to dispose.
        }
    }

    public void Dispose()
    {
        var connection = BeginDispose();
        if (connection is null) return;
        if (connection.IsCompletedSuccessfully)
        {
            // Disposing a client only releases its HttpClient; it completes synchronously.
            var pending = connection.Result.DisposeAsync();
            if (!pending.IsCompleted) _ = pending.AsTask();
        }
        else if (!connection.IsCompleted)
        {
            // Cancelled above; dispose the client should it connect anyway.
            _ = connection.ContinueWith(
                static t => t.Result.DisposeAsync().AsTask(),
                CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
        }
    }

    private Task<OdooClient>? BeginDispose()
    {
        lock (_gate)
        {
            if (_disposed) return null;
            _disposed = true;
        }
        // Not disposed afterwards: a connection attempt may still be registering on its token.
        _disposing.Cancel();
        return _connection;
    }
}

/// <summary>Wraps the shared client once, on first use.</summary>
internal sealed class OdooClientProvider<TClient> : IOdooClientProvider<TClient>
    where TClient : class
{
    private readonly IOdooClientProvider _clients;
    private readonly Func<OdooClient, TClient> _wrap;
    private Wrapped? _wrapped;

    public OdooClientProvider(IOdooClientProvider clients, Func<OdooClient, TClient> wrap)
    {
        _clients = clients;
        _wrap = wrap;
    }

    public ValueTask<TClient> GetClientAsync(CancellationToken cancellationToken = default)
    {
        var clientTask = _clients.GetClientAsync(cancellationToken);
        return clientTask.IsCompletedSuccessfully ? new ValueTask<TClient>(Wrap(clientTask.Result)) : WrapAsync(clientTask);
    }

    private async ValueTask<TClient> WrapAsync(ValueTask<OdooClient> clientTask) => Wrap(await clientTask.ConfigureAwait(false));

    private TClient Wrap(OdooClient client)
    {
        // A race makes two wrappers of the same client at worst; wrappers are thin and hold no state of their own.
        if (Volatile.Read(ref _wrapped) is { } existing && ReferenceEquals(existing.Client, client)) return existing.Wrapper;
        var wrapper = _wrap(client) ?? throw new InvalidOperationException($"The function wrapping OdooClient in {typeof(TClient).Name} returned null.");
        Volatile.Write(ref _wrapped, new Wrapped(client, wrapper));
        return wrapper;
    }

    private sealed record Wrapped(OdooClient Client, TClient Wrapper);
}
