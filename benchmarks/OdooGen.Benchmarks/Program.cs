using BenchmarkDotNet.Running;
using OdooGen.Benchmarks;
using OdooGen.Benchmarks.Scenarios;

// dotnet run -c Release --project benchmarks/OdooGen.Benchmarks -- --ratios      (the figures of docs/performance.md)
// dotnet run -c Release --project benchmarks/OdooGen.Benchmarks -- --filter '*'  (BenchmarkDotNet)
if (args.Length > 0 && args[0] == StreamScenario.ChildFlag) return await StreamScenario.ChildMainAsync(args);
if (args.Contains("--ratios")) return await RatioHarness.RunAsync(args);
BenchmarkSwitcher.FromAssembly(typeof(RatioHarness).Assembly).Run(args);
return 0;
