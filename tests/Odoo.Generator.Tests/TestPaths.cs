using System.Reflection;

namespace Odoo.Generator.Tests;

/// <summary>Where the test project's own files (baselines, release tracking) live on disk.</summary>
internal static class TestPaths
{
    public static string ProjectDirectory { get; } =
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ProjectDirectory").Value!;
}
