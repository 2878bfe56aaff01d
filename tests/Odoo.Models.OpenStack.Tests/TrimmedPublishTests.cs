using System.Diagnostics;
using System.Reflection;
using System.Text;
using Xunit.Abstractions;

namespace Odoo.Models.OpenStack.Tests;

/// <summary>
/// The typed API (generated field references and values types, the managers and the runtime) uses no reflection:
/// a consumer of it publishes trimmed (self-contained, linux-x64) without a single trim warning, and the trimmed
/// executable creates, queries, updates and deletes records against the in-memory Odoo. With
/// <c>ODOOGEN_PUBLISH_AOT=1</c> (<c>scripts/aot-smoke.sh</c>, where clang is installed) it is published native AOT instead.
/// </summary>
public sealed class TrimmedPublishTests(ITestOutputHelper output)
{
    private static string RepositoryRoot =>
        typeof(TrimmedPublishTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "OdooGen.RepositoryRoot").Value!;

    [Fact]
    public async Task A_consumer_of_the_typed_api_publishes_trimmed_without_warnings_and_runs()
    {
        var root = Directory.CreateTempSubdirectory("odoogen-trim-").FullName;
        try
        {
            var project = Path.Combine(root, "TrimmedConsumer");
            Directory.CreateDirectory(project);
            foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TrimmedConsumer")))
            {
                var text = File.ReadAllText(file).Replace("{{RepositoryRoot}}", RepositoryRoot, StringComparison.Ordinal);
                File.WriteAllText(Path.Combine(project, Path.GetFileName(file)), text);
            }
            var publishDir = Path.Combine(root, "out");
            var aot = Environment.GetEnvironmentVariable("ODOOGEN_PUBLISH_AOT") == "1";
            var publish = await RunAsync(project, "dotnet", "publish", "-c", "Release", "-o", publishDir, "-nologo", "-v:m", "-nodeReuse:false", "--disable-build-servers",
                "-p:OdooGenAot=" + (aot ? "true" : "false"));
            Assert.True(publish.ExitCode == 0, publish.Output);
            var trimWarnings = publish.Output.Split('\n').Where(l => l.Contains("warning IL", StringComparison.Ordinal)).ToList();
            Assert.True(trimWarnings.Count == 0, "Trim warnings:\n" + string.Join('\n', trimWarnings));
            Assert.Contains(aot ? "Generating native code" : "Optimizing assemblies for size", publish.Output, StringComparison.Ordinal); // the trimmer (or ILC) ran
            if (aot) Assert.False(File.Exists(Path.Combine(publishDir, "Odoo.Runtime.dll")), "A native AOT publish has no managed assemblies beside the executable.");

            await using var odoo = await TestOdoo.StartAsync();
            var run = await RunAsync(root, Path.Combine(publishDir, "TrimmedConsumer"),
                odoo.Server.BaseUrl.ToString(), odoo.Server.Database, odoo.Server.Username, odoo.Server.Password);
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Contains("found 1: Trimmed Child <Trimmed Parent>", run.Output, StringComparison.Ordinal);
            Assert.Contains("reread Trimmed Child child@trim.example", run.Output, StringComparison.Ordinal);
            Assert.Contains("trimmed consumer OK", run.Output, StringComparison.Ordinal);
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private async Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var text = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish in 8 minutes.");
        }
        text.Append(await stdout).Append(await stderr);
        output.WriteLine($"> {fileName} {string.Join(' ', arguments)}\n{text}");
        return (process.ExitCode, text.ToString());
    }
}
