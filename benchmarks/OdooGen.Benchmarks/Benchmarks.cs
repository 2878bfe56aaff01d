using BenchmarkDotNet.Attributes;
using Odoo.Models.OpenStack;
using OdooGen.Benchmarks.Scenarios;

namespace OdooGen.Benchmarks;

/// <summary>Decoding a recorded search_read answer of 5,000 referral codes.</summary>
[MemoryDiagnoser]
public class DecodeBenchmarks
{
    private DecodeScenario _scenario = null!;

    [GlobalSetup]
    public void Setup() => _scenario = DecodeScenario.RecordAsync().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, Description = "System.Text.Json source-gen (floor)")]
    public int Floor() => _scenario.Floor().Count;

    [Benchmark(Description = "Generated ReferralCode.Decode")]
    public int Ours() => _scenario.Ours().Count;
}

/// <summary>SearchAsync of 5,000 codes against Odoo.Testing vs a raw HttpClient + STJ call.</summary>
[MemoryDiagnoser]
public class EndToEndBenchmarks
{
    private EndToEndScenario _scenario = null!;

    [GlobalSetup]
    public void Setup() => _scenario = EndToEndScenario.StartAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => _scenario.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, Description = "HttpClient + STJ source-gen (floor)")]
    public Task<int> Floor() => _scenario.FloorAsync();

    [Benchmark(Description = "ReferralCodes.SearchAsync")]
    public Task<int> Ours() => _scenario.OursAsync();
}

/// <summary>One many2one for 500 records: batched vs one request per record.</summary>
public class RelationBenchmarks
{
    private RelationScenario _scenario = null!;
    private IReadOnlyList<ReferralCode> _records = null!;

    [GlobalSetup]
    public void Setup() => _scenario = RelationScenario.StartAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => _scenario.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [IterationSetup]
    public void Fetch() => _records = _scenario.FetchAsync().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, Description = "One read per record")]
    public Task<int> PerRecord() => _scenario.PerRecordAsync(_records);

    [Benchmark(Description = "Batched (one read)")]
    public Task<int> Batched() => _scenario.BatchedAsync(_records);
}

/// <summary>StreamAsync over 10,000 codes (throughput and allocations; peak memory is measured by --ratios in fresh processes).</summary>
[MemoryDiagnoser]
public class StreamBenchmarks
{
    private Odoo.Testing.OdooTestServer _server = null!;
    private OpenStackOdooClient _odoo = null!;

    [GlobalSetup]
    public void Setup()
    {
        _server = Support.BenchOdoo.StartAsync(10_000).GetAwaiter().GetResult();
        _odoo = Support.BenchOdoo.ConnectAsync(_server).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _odoo.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Description = "StreamAsync 10,000 codes, batch 500")]
    public async Task<int> Stream()
    {
        var n = 0;
        await foreach (var _ in _odoo.ReferralCodes.StreamAsync(batchSize: 500)) n++;
        return n;
    }
}

/// <summary>The generator over the 36 OpenStack models and 1,000 synthetic models.</summary>
public class GeneratorBenchmarks
{
    private GeneratorScenario _openStack = null!;
    private GeneratorScenario _synthetic = null!;

    [GlobalSetup]
    public void Setup()
    {
        _openStack = GeneratorScenario.OpenStack();
        _synthetic = GeneratorScenario.Synthetic(1_000);
    }

    [Benchmark(Description = "Generator, 36 OpenStack models")]
    public int OpenStack() => _openStack.Run();

    [Benchmark(Description = "Generator, 1,000 synthetic models")]
    public int Synthetic() => _synthetic.Run();
}
