using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Odoo;
using Odoo.Models.OpenStack;
using OdooGen.Benchmarks.Support;

namespace OdooGen.Benchmarks.RealServer;

/// <summary>The options of <c>--ratios --url ...</c>.</summary>
public sealed class RealServerOptions
{
    public required Uri Url { get; init; }
    public required string Database { get; init; }
    public required string Username { get; init; }
    public required string Password { get; init; }
    public int? OdooPid { get; init; }
    public string? OdooPidSource { get; init; }
    public int Runs { get; init; } = 5;
    public bool Enforce { get; init; }
    public bool Quick { get; init; }
    /// <summary>The cookie floor's endpoint: null follows the library's request (call_kw or execute_kw), true forces call_kw, false /jsonrpc.</summary>
    public bool? CallKw { get; init; }
    /// <summary>The library's <see cref="OdooClientOptions.UseWebSession"/> (false shows the library as it was before the session change).</summary>
    public bool WebSession { get; init; } = true;
    public string Target { get; init; } = "referral";
    public int Records { get; init; } = 5_000;
    public IReadOnlySet<string>? Only { get; init; }

    public static string Usage =>
        "--ratios --url URL --database DB --username U --password P [--odoo-pid PID | --odoo-pid-file PATH] [--runs N] [--enforce] " +
        "[--target referral|partner] [--records N] [--only connect,read,unique,create,search,m2o,stream,concurrent] [--raw-call-kw | --raw-jsonrpc] [--no-web-session] [--quick]";

    /// <summary>Reads the command line and <c>ODOO_URL</c>, <c>ODOO_DATABASE</c>, <c>ODOO_USERNAME</c>, <c>ODOO_PASSWORD</c>, <c>ODOO_PID_FILE</c>; null when no URL is given.</summary>
    public static RealServerOptions? Parse(string[] args)
    {
        string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        string? Get(string name, string env) => Arg(name) ?? Environment.GetEnvironmentVariable(env);
        var url = Get("--url", "ODOO_URL");
        if (string.IsNullOrEmpty(url)) return null;
        var pidFile = Arg("--odoo-pid-file") ?? Environment.GetEnvironmentVariable("ODOO_PID_FILE")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local/share/odoo18/odoo.pid");
        int? pid = Arg("--odoo-pid") is { } p ? int.Parse(p, CultureInfo.InvariantCulture) : ProcessCpu.FromPidFile(pidFile);
        var quick = args.Contains("--quick");
        return new RealServerOptions
        {
            Url = new Uri(url),
            Database = Get("--database", "ODOO_DATABASE") ?? throw new ArgumentException("--database (or ODOO_DATABASE) is required."),
            Username = Get("--username", "ODOO_USERNAME") ?? throw new ArgumentException("--username (or ODOO_USERNAME) is required."),
            Password = Get("--password", "ODOO_PASSWORD") ?? throw new ArgumentException("--password (or ODOO_PASSWORD) is required."),
            OdooPid = pid,
            OdooPidSource = Arg("--odoo-pid") is not null ? "--odoo-pid" : pidFile,
            Runs = Arg("--runs") is { } r ? int.Parse(r, CultureInfo.InvariantCulture) : quick ? 2 : 5,
            Enforce = args.Contains("--enforce"),
            Quick = quick,
            CallKw = args.Contains("--raw-call-kw") ? true : args.Contains("--raw-jsonrpc") ? false : null,
            WebSession = !args.Contains("--no-web-session"),
            Target = Arg("--target") ?? "referral",
            Records = Arg("--records") is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : 5_000,
            Only = Arg("--only")?.Split(',').ToHashSet(StringComparer.Ordinal),
        };
    }
}

/// <summary>
/// The end-to-end scenarios against a real Odoo: each library figure beside its floors measured in the same
/// run, alternating sides: a raw <see cref="HttpClient"/> posting the same call (model, method, arguments,
/// context) with the cookie of a session authenticated by <c>/web/session/authenticate</c>, and the same
/// without any cookie. Requests are counted by a handler under each client.
/// </summary>
public sealed class RealServerSuite : IAsyncDisposable
{
    private const string Lib = "library";
    private const string Cookie = "raw + session cookie";
    private const string NoCookie = "raw, no cookie";

    private readonly RealServerOptions _o;
    private readonly RealTarget _target;
    private readonly List<string> _rows = [];
    private readonly List<string> _cpuRows = [];
    private readonly List<(string Target, string Measured, bool Met)> _targets = [];
    private CountingHandler _libHandler = null!;
    private OpenStackOdooClient _odoo = null!;
    private RawOdoo _cookie = null!;
    private RawOdoo _noCookie = null!;
    private IReadOnlyList<int> _ids = [];

    private RealServerSuite(RealServerOptions options)
    {
        _o = options;
        var records = options.Records;
        _target = options.Target switch
        {
            "referral" => new ReferralTarget(records, Math.Min(500, records)),
            "partner" => new PartnerTarget(records, Math.Min(500, records)),
            _ => throw new ArgumentException($"--target {options.Target}: expected referral or partner."),
        };
    }

    private int Runs => _o.Runs;

    private bool Wants(string name) => _o.Only is null || _o.Only.Contains(name);

    /// <summary>The library's options as a user would write them (defaults: protocol detection, no version given), with a counting handler.</summary>
    private OdooClientOptions LibraryOptions(CountingHandler handler) => new()
    {
        Url = _o.Url,
        Database = _o.Database,
        Username = _o.Username,
        Password = _o.Password,
        HttpMessageHandler = handler,
        UseWebSession = _o.WebSession,
    };

    private CountingHandler NewLibraryHandler() => new(OdooHttpHandlers.Create(new OdooClientOptions { Url = _o.Url }));

    public static async Task<int> RunAsync(RealServerOptions options)
    {
        var clock = Stopwatch.StartNew();
        await using var suite = new RealServerSuite(options);
        return await suite.RunAllAsync(clock);
    }

    private async Task<int> RunAllAsync(Stopwatch clock)
    {
        Console.WriteLine($"Real server: {_o.Url} database '{_o.Database}' as '{_o.Username}', target {_target.Model}, {Runs} runs per side after a warm-up, " +
                          $"Odoo pid {(_o.OdooPid?.ToString(CultureInfo.InvariantCulture) ?? "unknown (no Odoo CPU figures)")} ({_o.OdooPidSource}), " +
                          $"library UseWebSession = {_o.WebSession}, cookie floor posts " +
                          $"{(_o.CallKw switch { true => "/web/dataset/call_kw", false => "/jsonrpc execute_kw", null => "to the library's endpoint (call_kw or /jsonrpc)" })}");
        _libHandler = NewLibraryHandler();
        _odoo = await OpenStackOdooClient.ConnectAsync(LibraryOptions(_libHandler));
        Console.WriteLine($"  library: {_odoo.Client}");
        _cookie = new RawOdoo(_o.Url, _o.Database, _o.Username, _o.Password);
        await _cookie.AuthenticateAsync();
        _noCookie = new RawOdoo(_o.Url, _o.Database, _o.Username, _o.Password);
        await _noCookie.LoginAsync();
        var seed = Stopwatch.StartNew();
        await _target.SeedAsync(_odoo, m => Console.WriteLine("  seed: " + m));
        _ids = await _target.SeededIdsAsync(_odoo);
        Console.WriteLine($"  seeded: {_ids.Count:N0} {_target.Model} records ({seed.Elapsed.TotalSeconds:0.0} s)");
        if (_ids.Count != _target.Records) throw new InvalidOperationException($"Expected {_target.Records} seeded records, found {_ids.Count}.");

        if (Wants("connect")) await ConnectAsync();
        if (Wants("read")) await SmallReadAsync();
        if (Wants("unique")) await UniqueAsync();
        if (Wants("create")) await CreateAsync();
        if (Wants("search")) await SearchAsync();
        if (Wants("m2o")) await Many2OneAsync();
        if (Wants("stream")) await StreamAsync();
        if (Wants("concurrent")) await ConcurrentAsync();
        await _target.DeleteTemporaryAsync(_odoo);

        Console.WriteLine();
        Console.WriteLine($"Time: medians of {Runs} runs per side (after a warm-up run), sides alternating. Floors: a raw HttpClient posting the same call " +
                          $"with the session cookie of /web/session/authenticate, and without any cookie.");
        Console.WriteLine();
        Console.WriteLine("| Scenario | Requests (library / raw) | Library | Raw + session cookie | Raw, no cookie | Library ÷ cookie floor | Library ÷ no-cookie floor |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var row in _rows) Console.WriteLine(row);
        Console.WriteLine();
        Console.WriteLine("| Scenario | Client CPU per call: library / cookie / no cookie | Odoo server CPU per run: library / cookie / no cookie |");
        Console.WriteLine("|---|---|---|");
        foreach (var row in _cpuRows) Console.WriteLine(row);
        Console.WriteLine();
        Console.WriteLine("| Target (issue 13) | Measured | Result |");
        Console.WriteLine("|---|---|---|");
        foreach (var (t, m, met) in _targets) Console.WriteLine($"| {t} | {m} | {(met ? "PASS" : "**MISS**")} |");
        Console.WriteLine();
        var missed = _targets.Where(t => !t.Met).ToList();
        Console.WriteLine($"Real-server run: {clock.Elapsed.TotalMinutes:0.0} min, load average at end {RatioHarness.LoadAverage()}.");
        if (missed.Count == 0)
        {
            Console.WriteLine("All real-server targets met.");
            return 0;
        }
        Console.WriteLine($"{missed.Count} real-server target(s) missed: {string.Join("; ", missed.Select(m => m.Target))}." +
                          (_o.Enforce ? "" : " (Not failing the exit code: pass --enforce to.)"));
        return _o.Enforce ? 1 : 0;
    }

    // ------------------------------------------------------------------ reporting

    private static string Ms(double ms) => double.IsNaN(ms) ? "—" : ms.ToString(ms < 10 ? "0.00" : ms < 1000 ? "0.0" : "0", CultureInfo.InvariantCulture) + " ms";

    private static string X(double r) => double.IsNaN(r) ? "—" : r.ToString("0.00", CultureInfo.InvariantCulture) + "x";

    private void Report(string scenario, int calls, RealSide lib, RealSide? cookie, RealSide? noCookie, bool perCall = false, string? libNote = null)
    {
        double Value(RealSide? s) => s is null ? double.NaN : perCall && s.Latencies.Count > 0 ? RealSide.Median(s.Latencies) : s.WallMs;
        var l = Value(lib);
        var c = Value(cookie);
        var n = Value(noCookie);
        var unit = perCall ? " per call" : "";
        var rawRequests = cookie?.RequestsText ?? noCookie?.RequestsText ?? "—";
        var requests = perCall
            ? $"{(lib.Requests / (double)calls).ToString("0.##", CultureInfo.InvariantCulture)} / {((cookie ?? noCookie)?.Requests / (double)calls)?.ToString("0.##", CultureInfo.InvariantCulture) ?? "—"} per call"
            : $"{lib.RequestsText} / {rawRequests}";
        _rows.Add($"| {scenario} | {requests} | {Ms(l)}{unit}{libNote} | {Ms(c)} | {Ms(n)} | {X(l / c)} | {X(l / n)} |");
        string Cpu(RealSide? s) => s is null ? "—" : Ms(s.ClientCpuMs / calls);
        string Odoo(RealSide? s) => s?.OdooCpuMs is { } v ? Ms(v) : "—";
        _cpuRows.Add($"| {scenario} | {Cpu(lib)} / {Cpu(cookie)} / {Cpu(noCookie)} | {Odoo(lib)} / {Odoo(cookie)} / {Odoo(noCookie)} |");
        Console.WriteLine($"  {scenario}: library {Ms(l)}{unit} ({lib.RequestsText} requests, CPU {Cpu(lib)}/call), cookie floor {Ms(c)} ({X(l / c)}), " +
                          $"no-cookie floor {Ms(n)} ({X(l / n)}); Odoo CPU {Odoo(lib)} / {Odoo(cookie)} / {Odoo(noCookie)}");
    }

    private void Target(string target, string measured, bool met)
    {
        _targets.Add((target, measured, met));
        Console.WriteLine($"  target {target}: {measured} -> {(met ? "PASS" : "MISS")}");
    }

    // ------------------------------------------------------------------ capture

    /// <summary>Runs <paramref name="op"/> through the library with capture on; returns the model calls it sent.</summary>
    private async Task<List<RawCall>> CaptureAsync(Func<Task> op)
    {
        _libHandler.Captured.Clear();
        _libHandler.Capture = true;
        try
        {
            await op();
        }
        finally
        {
            _libHandler.Capture = false;
        }
        var calls = _libHandler.Captured.Select(c => RawCall.FromRequest(c.Path, c.Body)).ToList();
        _libHandler.Captured.Clear();
        return calls;
    }

    private async Task<RawCall> CaptureOneAsync(Func<Task> op)
    {
        var calls = await CaptureAsync(op);
        return calls.Count == 1 ? calls[0] : throw new InvalidOperationException($"Expected one request, the library sent {calls.Count}: {string.Join("; ", calls)}");
    }

    private static void ReplaceStrings(JsonNode? node, Func<string, string> replace)
    {
        switch (node)
        {
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (a[i] is JsonValue v && v.TryGetValue<string>(out var s)) a[i] = replace(s);
                    else ReplaceStrings(a[i], replace);
                }
                break;
            case JsonObject o:
                foreach (var key in o.Select(p => p.Key).ToList())
                {
                    if (o[key] is JsonValue v && v.TryGetValue<string>(out var s)) o[key] = replace(s);
                    else ReplaceStrings(o[key], replace);
                }
                break;
        }
    }

    private static RawCall WithString(RawCall call, string from, string to) =>
        call.With((a, _) => ReplaceStrings(a, s => s == from ? to : s));

    private static RawCall WithId(RawCall call, int id) => call.With((a, _) => a[0] = new JsonArray(id));

    private RawRequest Cookie_(RawCall call) => _cookie.Prepare(call, _o.CallKw ?? call.CallKw);

    private RawRequest NoCookie_(RawCall call) => _noCookie.Prepare(call);

    private static RealSide RawSide(string label, RawOdoo raw, Func<int, IReadOnlyList<RawRequest>> requests, bool timeEach = false) =>
        new(label, raw.Handler, async (n, side) =>
        {
            foreach (var r in requests(n))
            {
                if (timeEach) await side.TimeAsync(raw.PostAsync(r));
                else await raw.PostAsync(r);
            }
        });

    private int Warmup(int calls) => Math.Max(1, calls / 4);

    // ------------------------------------------------------------------ scenarios

    private async Task ConnectAsync()
    {
        Console.WriteLine("Connect: OdooClient.ConnectAsync with default options vs one raw /web/session/authenticate (cookie floor) or common.login (no-cookie floor)...");
        const int calls = 3;
        var handler = NewLibraryHandler();
        var connected = new List<OpenStackOdooClient>();
        var lib = new RealSide(Lib, handler, async (n, side) =>
        {
            for (var i = 0; i < n; i++) connected.Add(await side.TimeAsync(OpenStackOdooClient.ConnectAsync(LibraryOptions(handler))));
        })
        {
            // Disposing (which logs the web session out) is not part of connecting: untimed, its request not counted.
            AfterRun = async () =>
            {
                foreach (var c in connected) await c.DisposeAsync();
                connected.Clear();
            },
        };
        var cookie = new RealSide(Cookie, _cookie.Handler, async (n, side) =>
        {
            for (var i = 0; i < n; i++) await side.TimeAsync(_cookie.AuthenticateAsync());
        });
        var noCookie = new RealSide(NoCookie, _noCookie.Handler, async (n, side) =>
        {
            for (var i = 0; i < n; i++) await side.TimeAsync(_noCookie.LoginAsync());
        });
        await RealSide.MeasureAsync([lib, cookie, noCookie], calls, 1, Runs, _o.OdooPid);
        Report($"Connect (median of {Runs}×{calls} connects)", calls, lib, cookie, noCookie, perCall: true);
        var requests = lib.Requests / (double)calls;
        Target("connect ≤ 3 requests", requests.ToString("0.#", CultureInfo.InvariantCulture) + " requests", requests <= 3);
        handler.Dispose();
    }

    private async Task SmallReadAsync()
    {
        // 200 calls per run after a warm-up of 300: the client's CPU per call is measured in steady state
        // (tiered JIT has promoted the hot path), the state a service that makes many calls runs in.
        const int calls = 200;
        Console.WriteLine($"One small read ({string.Join(", ", _target.SmallFields)} of one record), {calls} calls per run...");
        var template = await CaptureOneAsync(() => _target.ReadSmallAsync(_odoo, _ids[0]));
        Console.WriteLine($"  library call: {template}");
        const int warmup = 300;
        var ids = Enumerable.Range(0, warmup).Select(i => _ids[(i * 37) % _ids.Count]).ToArray();
        var cookieRequests = ids.Select(id => Cookie_(WithId(template, id))).ToArray();
        var noCookieRequests = ids.Select(id => NoCookie_(WithId(template, id))).ToArray();
        var lib = new RealSide(Lib, _libHandler, async (n, side) =>
        {
            for (var i = 0; i < n; i++) await side.TimeAsync(_target.ReadSmallAsync(_odoo, ids[i]));
        });
        var cookie = RawSide(Cookie, _cookie, n => cookieRequests[..n], timeEach: true);
        var noCookie = RawSide(NoCookie, _noCookie, n => noCookieRequests[..n], timeEach: true);
        await RealSide.MeasureAsync([lib, cookie, noCookie], calls, warmup, Runs, _o.OdooPid);
        Report($"One small read (median of {Runs}×{calls} calls)", calls, lib, cookie, noCookie, perCall: true);
        var l = RealSide.Median(lib.Latencies);
        var c = RealSide.Median(cookie.Latencies);
        Console.WriteLine($"  client CPU per call: library {Ms(lib.ClientCpuMs / calls)}, cookie floor {Ms(cookie.ClientCpuMs / calls)}, no-cookie floor {Ms(noCookie.ClientCpuMs / calls)}");
        Target("one small read ≤ 1.15x raw with session cookie", $"{Ms(l)} vs {Ms(c)} = {X(l / c)}", l <= 1.15 * c);
        var extra = (lib.ClientCpuMs - cookie.ClientCpuMs) / calls;
        Target("one small read: client CPU ≤ raw + 0.1 ms per call (steady state)",
            $"{Ms(lib.ClientCpuMs / calls)} vs {Ms(cookie.ClientCpuMs / calls)} per call (+{extra.ToString("0.000", CultureInfo.InvariantCulture)} ms)", extra <= 0.1);
    }

    private async Task UniqueAsync()
    {
        const int calls = 200;
        Console.WriteLine($"Get by unique field ({_target.UniqueField}) ×{calls}: one search_read each vs the same raw, and vs the reference way (two raw requests each: search, then read)...");
        var template = await CaptureOneAsync(() => _target.GetByKeyAsync(_odoo, RealTarget.Key(1)));
        Console.WriteLine($"  library call: {template}");
        var indexes = Enumerable.Range(0, calls).Select(i => 1 + ((i * 25) % _target.Records)).ToArray();
        var keys = indexes.Select(RealTarget.Key).ToArray();
        var cookieRequests = keys.Select(k => Cookie_(WithString(template, RealTarget.Key(1), k))).ToArray();
        var noCookieRequests = keys.Select(k => NoCookie_(WithString(template, RealTarget.Key(1), k))).ToArray();
        // The reference way: search (the same domain) for the id, then read (the same fields) of that id.
        var searches = keys.Select(k => Cookie_(WithString(template, RealTarget.Key(1), k).WithMethod("search", new JsonArray(WithString(template, RealTarget.Key(1), k).Args[0]!.DeepClone())))).ToArray();
        var reads = _ids.Take(_target.Records).ToDictionary(id => id, id => Cookie_(template.WithMethod("read", new JsonArray(new JsonArray(id), template.Args[1]?.DeepClone()))));
        var lib = new RealSide(Lib, _libHandler, async (n, _) =>
        {
            for (var i = 0; i < n; i++) await _target.GetByKeyAsync(_odoo, keys[i]);
        });
        var cookie = RawSide(Cookie, _cookie, n => cookieRequests[..n]);
        var noCookie = RawSide(NoCookie, _noCookie, n => noCookieRequests[..n]);
        var twoRequests = new RealSide("two raw requests + cookie", _cookie.Handler, async (n, _) =>
        {
            for (var i = 0; i < n; i++)
            {
                var found = await _cookie.PostForIdsAsync(searches[i]);
                if (found.Length != 1) throw new InvalidOperationException($"search found {found.Length} records for {keys[i]}.");
                if (await _cookie.PostAsync(reads[found[0]]) != 1) throw new InvalidOperationException("read returned no record.");
            }
        });
        // The two halves of the reference way, timed alone: the 0.5x target asks one search_read to cost no more than
        // the average of a search and a read, while it does both in one request.
        var readIds = new int[calls];
        var searchOnly = new RealSide("search alone + cookie", _cookie.Handler, async (n, _) =>
        {
            for (var i = 0; i < n; i++) readIds[i] = (await _cookie.PostForIdsAsync(searches[i]))[0];
        });
        var readOnly = new RealSide("read alone + cookie", _cookie.Handler, async (n, _) =>
        {
            for (var i = 0; i < n; i++) await _cookie.PostAsync(reads[readIds[i]]);
        });
        await RealSide.MeasureAsync([lib, cookie, noCookie, twoRequests], calls, Warmup(calls), Runs, _o.OdooPid);
        await RealSide.MeasureAsync([searchOnly, readOnly], calls, calls, Runs, _o.OdooPid);
        Report($"Get by unique field ×{calls}", calls, lib, cookie, noCookie);
        Report($"Get by unique field ×{calls}: the reference way, two raw requests each (+ cookie)", calls, lib, twoRequests, null);
        Report($"Get by unique field ×{calls}: the reference's first request alone (search + cookie)", calls, lib, searchOnly, null);
        Report($"Get by unique field ×{calls}: the reference's second request alone (read + cookie)", calls, lib, readOnly, null);
        Console.WriteLine($"  the 0.5x target allows {Ms(0.5 * twoRequests.WallMs)}, the average of a raw search ({Ms(searchOnly.WallMs)}) and a raw read ({Ms(readOnly.WallMs)}); " +
                          $"one search_read does both in one request ({Ms(lib.WallMs)}, {X(lib.WallMs / Math.Max(searchOnly.WallMs, readOnly.WallMs))} of the dearer half alone).");
        Target($"get by unique field ×{calls} ≤ 0.5x two raw requests each (session cookie)", $"{Ms(lib.WallMs)} vs {Ms(twoRequests.WallMs)} = {X(lib.WallMs / twoRequests.WallMs)}", lib.WallMs <= 0.5 * twoRequests.WallMs);
        Target($"get by unique field ×{calls}: one request each", $"{lib.RequestsText} requests for {calls}", lib.Samples.All(s => s.Requests == calls));
    }

    private async Task CreateAsync()
    {
        const int calls = 200;
        Console.WriteLine($"Create ×{calls} one by one, and {calls} in one call (create with a list); created records are deleted after each run (untimed)...");
        var one = await CaptureOneAsync(async () => await _target.CreateAsync(_odoo, RealTarget.TempKey("cap", 0)));
        var many = await CaptureOneAsync(async () => await _target.CreateManyAsync(_odoo, Enumerable.Range(0, calls).Select(i => RealTarget.TempKey("capm", i)).ToArray()));
        await _target.DeleteTemporaryAsync(_odoo);
        Console.WriteLine($"  library call: {one}");
        var run = 0;
        string Token() => "r" + Interlocked.Increment(ref run).ToString(CultureInfo.InvariantCulture);
        Func<Task> cleanup = async () => await _target.DeleteTemporaryAsync(_odoo);

        RawRequest[] OneByOne(Func<RawCall, RawRequest> prepare, int n)
        {
            var token = Token();
            return Enumerable.Range(0, n).Select(i => prepare(WithString(one, RealTarget.TempKey("cap", 0), RealTarget.TempKey(token, i)))).ToArray();
        }
        // Raw bodies are prepared before the timed run (BeforeRun), one fresh batch of keys per run.
        RawRequest[] nextCookie = [], nextNoCookie = [];
        var lib = new RealSide(Lib, _libHandler, async (n, _) =>
        {
            var token = Token();
            for (var i = 0; i < n; i++) await _target.CreateAsync(_odoo, RealTarget.TempKey(token, i));
        })
        { AfterRun = cleanup };
        var cookie = new RealSide(Cookie, _cookie.Handler, async (n, _) =>
        {
            foreach (var r in nextCookie.Take(n)) await _cookie.PostAsync(r);
        })
        { BeforeRun = () => { nextCookie = OneByOne(Cookie_, calls); return Task.CompletedTask; }, AfterRun = cleanup };
        var noCookie = new RealSide(NoCookie, _noCookie.Handler, async (n, _) =>
        {
            foreach (var r in nextNoCookie.Take(n)) await _noCookie.PostAsync(r);
        })
        { BeforeRun = () => { nextNoCookie = OneByOne(NoCookie_, calls); return Task.CompletedTask; }, AfterRun = cleanup };
        await RealSide.MeasureAsync([lib, cookie, noCookie], calls, Warmup(calls), Runs, _o.OdooPid);
        Report($"Create ×{calls} one by one", calls, lib, cookie, noCookie);
        Target($"create ×{calls} one by one ≤ 1.1x raw with session cookie", $"{Ms(lib.WallMs)} vs {Ms(cookie.WallMs)} = {X(lib.WallMs / cookie.WallMs)}", lib.WallMs <= 1.1 * cookie.WallMs);

        RawRequest Many(Func<RawCall, RawRequest> prepare)
        {
            var token = Token();
            return prepare(many.With((a, _) => ReplaceStrings(a, s => s.StartsWith(RealTarget.TempPrefix + "capm-", StringComparison.Ordinal) ? s.Replace("-capm-", "-" + token + "-", StringComparison.Ordinal) : s)));
        }
        RawRequest manyCookie = default, manyNoCookie = default;
        var libMany = new RealSide(Lib, _libHandler, async (_, _) =>
        {
            var token = Token();
            if (await _target.CreateManyAsync(_odoo, Enumerable.Range(0, calls).Select(i => RealTarget.TempKey(token, i)).ToArray()) != calls) throw new InvalidOperationException("Wrong count.");
        })
        { AfterRun = cleanup };
        var cookieMany = new RealSide(Cookie, _cookie.Handler, async (_, _) =>
        {
            if (await _cookie.PostAsync(manyCookie) != calls) throw new InvalidOperationException("Wrong count.");
        })
        { BeforeRun = () => { manyCookie = Many(Cookie_); return Task.CompletedTask; }, AfterRun = cleanup };
        var noCookieMany = new RealSide(NoCookie, _noCookie.Handler, async (_, _) =>
        {
            if (await _noCookie.PostAsync(manyNoCookie) != calls) throw new InvalidOperationException("Wrong count.");
        })
        { BeforeRun = () => { manyNoCookie = Many(NoCookie_); return Task.CompletedTask; }, AfterRun = cleanup };
        await RealSide.MeasureAsync([libMany, cookieMany, noCookieMany], 1, 1, Runs, _o.OdooPid);
        Report($"Create {calls} in one call (a list)", calls, libMany, cookieMany, noCookieMany);
    }

    private async Task SearchAsync()
    {
        foreach (var named in new[] { false, true })
        {
            var what = named ? $"named fields ({string.Join(", ", _target.NamedFields)})" : "all fields";
            Console.WriteLine($"Search of {_target.Records:N0} records, {what}: one search_read...");
            var template = await CaptureOneAsync(() => _target.SearchSeededAsync(_odoo, named));
            var cookieRequest = Cookie_(template);
            var noCookieRequest = NoCookie_(template);
            var lib = new RealSide(Lib, _libHandler, async (_, _) =>
            {
                if (await _target.SearchSeededAsync(_odoo, named) != _target.Records) throw new InvalidOperationException("Wrong count.");
            });
            var cookie = new RealSide(Cookie, _cookie.Handler, async (_, _) =>
            {
                if (await _cookie.PostAsync(cookieRequest) != _target.Records) throw new InvalidOperationException("Wrong count.");
            });
            var noCookie = new RealSide(NoCookie, _noCookie.Handler, async (_, _) =>
            {
                if (await _noCookie.PostAsync(noCookieRequest) != _target.Records) throw new InvalidOperationException("Wrong count.");
            });
            await RealSide.MeasureAsync([lib, cookie, noCookie], 1, 1, Runs, _o.OdooPid);
            Report($"Search {_target.Records:N0} records, {(named ? $"{_target.NamedFields.Length} named fields" : "all fields")}", 1, lib, cookie, noCookie);
        }
    }

    private async Task Many2OneAsync()
    {
        Many2OneSet set = await _target.FetchMany2OneAsync(_odoo);
        var count = set.Records;
        Console.WriteLine($"Many2one for {count} records: batched (LoadAsync on the list, one read) and one by one (the N+1 reference, one read per record); records fetched fresh before each run (untimed)...");
        var batchedCall = await CaptureOneAsync(set.LoadBatchedAsync);
        set = await _target.FetchMany2OneAsync(_odoo);
        var perRecord = await CaptureAsync(() => set.LoadOneByOneAsync(count));
        if (perRecord.Count != count) throw new InvalidOperationException($"One by one sent {perRecord.Count} requests for {count} records.");
        Console.WriteLine($"  library calls: {batchedCall.Model}.{batchedCall.Method} of {batchedCall.Args[0]!.AsArray().Count} ids; one by one: {perRecord[0]}");
        Func<Task> fresh = async () => set = await _target.FetchMany2OneAsync(_odoo);

        var lib = new RealSide(Lib, _libHandler, (_, _) => set.LoadBatchedAsync()) { BeforeRun = fresh };
        var cookieRequest = Cookie_(batchedCall);
        var noCookieRequest = NoCookie_(batchedCall);
        var cookie = new RealSide(Cookie, _cookie.Handler, async (_, _) => await _cookie.PostAsync(cookieRequest));
        var noCookie = new RealSide(NoCookie, _noCookie.Handler, async (_, _) => await _noCookie.PostAsync(noCookieRequest));
        await RealSide.MeasureAsync([lib, cookie, noCookie], 1, 1, Runs, _o.OdooPid);
        Report($"Many2one for {count} records, batched (one read)", 1, lib, cookie, noCookie);

        var oneByOne = perRecord.Select(Cookie_).ToArray();
        var libN = new RealSide(Lib, _libHandler, (n, _) => set.LoadOneByOneAsync(n)) { BeforeRun = fresh };
        var cookieN = RawSide(Cookie, _cookie, n => oneByOne[..n]);
        await RealSide.MeasureAsync([libN, cookieN], count, Warmup(count), Runs, _o.OdooPid);
        Report($"Many2one for {count} records one by one: the N+1 reference ({count} reads; the floor is {count} raw reads)", count, libN, cookieN, null);
        Target($"many2one one by one for {count} ≤ 1.15x {count} raw reads with session cookie", $"{Ms(libN.WallMs)} vs {Ms(cookieN.WallMs)} = {X(libN.WallMs / cookieN.WallMs)}", libN.WallMs <= 1.15 * cookieN.WallMs);
    }

    private async Task StreamAsync()
    {
        Console.WriteLine($"Stream of {_target.Records:N0} records (named fields, pages of 500)...");
        var pages = await CaptureAsync(() => _target.StreamSeededAsync(_odoo));
        var cookieRequests = pages.Select(Cookie_).ToArray();
        var noCookieRequests = pages.Select(NoCookie_).ToArray();
        var lib = new RealSide(Lib, _libHandler, async (_, _) =>
        {
            if (await _target.StreamSeededAsync(_odoo) != _target.Records) throw new InvalidOperationException("Wrong count.");
        });
        var cookie = RawSide(Cookie, _cookie, _ => cookieRequests);
        var noCookie = RawSide(NoCookie, _noCookie, _ => noCookieRequests);
        await RealSide.MeasureAsync([lib, cookie, noCookie], 1, 1, Runs, _o.OdooPid);
        Report($"Stream {_target.Records:N0} records ({pages.Count} pages)", 1, lib, cookie, noCookie);
    }

    private async Task ConcurrentAsync()
    {
        const int tasks = 16, each = 100, calls = tasks * each;
        Console.WriteLine($"{tasks} tasks × {each} mixed calls on one client (read by id, get by unique field, count, page of 20), vs the same calls by raw HttpClient with the session cookie...");
        var read = await CaptureOneAsync(() => _target.ReadSmallAsync(_odoo, _ids[0]));
        var unique = await CaptureOneAsync(() => _target.GetByKeyAsync(_odoo, RealTarget.Key(1)));
        var count = await CaptureOneAsync(() => _target.CountSeededAsync(_odoo));
        var page = await CaptureOneAsync(() => _target.PageAsync(_odoo, 0));
        var maxOffset = Math.Max(1, _target.Records - 20);
        var raw = new RawRequest[calls];
        for (var g = 0; g < calls; g++)
        {
            raw[g] = Cookie_((g % 4) switch
            {
                0 => WithId(read, _ids[(g * 7) % _ids.Count]),
                1 => WithString(unique, RealTarget.Key(1), RealTarget.Key(1 + ((g * 13) % _target.Records))),
                2 => count,
                _ => page.With((a, _) => a[2] = (g * 20) % maxOffset),
            });
        }
        if (page.Args.Count < 3) throw new InvalidOperationException($"Unexpected page call: {page}");
        async Task LibCall(int g)
        {
            switch (g % 4)
            {
                case 0: await _target.ReadSmallAsync(_odoo, _ids[(g * 7) % _ids.Count]); break;
                case 1: await _target.GetByKeyAsync(_odoo, RealTarget.Key(1 + ((g * 13) % _target.Records))); break;
                case 2: await _target.CountSeededAsync(_odoo); break;
                default: await _target.PageAsync(_odoo, (g * 20) % maxOffset); break;
            }
        }
        var lib = new RealSide(Lib, _libHandler, (n, _) => Task.WhenAll(Enumerable.Range(0, tasks).Select(t => Task.Run(async () =>
        {
            for (var i = 0; i < n / tasks; i++) await LibCall((t * each) + i);
        }))));
        var cookie = new RealSide(Cookie, _cookie.Handler, (n, _) => Task.WhenAll(Enumerable.Range(0, tasks).Select(t => Task.Run(async () =>
        {
            for (var i = 0; i < n / tasks; i++) await _cookie.PostAsync(raw[(t * each) + i]);
        }))));
        await RealSide.MeasureAsync([lib, cookie], calls, tasks * 10, Runs, _o.OdooPid);
        Report($"{tasks} tasks × {each} mixed calls, one client (wall time)", calls, lib, cookie, null);
        Target($"{tasks}×{each} wall time ≤ 1.2x raw with session cookie", $"{Ms(lib.WallMs)} vs {Ms(cookie.WallMs)} = {X(lib.WallMs / cookie.WallMs)}", lib.WallMs <= 1.2 * cookie.WallMs);
        if (lib.OdooCpuMs is { } lo && cookie.OdooCpuMs is { } co)
        {
            Target($"{tasks}×{each} Odoo server CPU ≤ 1.1x raw with session cookie", $"{Ms(lo)} vs {Ms(co)} = {X(lo / co)}", lo <= 1.1 * co);
        }
        else
        {
            Console.WriteLine("  Odoo server CPU: no pid (pass --odoo-pid or --odoo-pid-file): target not checked.");
        }
        var extra = (lib.ClientCpuMs - cookie.ClientCpuMs) / calls;
        Target($"{tasks}×{each} client CPU ≤ raw + 0.1 ms per call", $"{Ms(lib.ClientCpuMs / calls)} vs {Ms(cookie.ClientCpuMs / calls)} per call (+{extra.ToString("0.000", CultureInfo.InvariantCulture)} ms)", extra <= 0.1);
    }

    public async ValueTask DisposeAsync()
    {
        if (_odoo is not null) await _odoo.DisposeAsync();
        _libHandler?.Dispose();
        _cookie?.Dispose();
        _noCookie?.Dispose();
    }
}
