using System.Reflection;

namespace Odoo.Generator;

/// <summary>The generator's name and version, as written in <c>[GeneratedCode]</c> on generated types and members.</summary>
internal static class GeneratorInfo
{
    public const string Name = "Odoo.Generator";

    /// <summary>The generator assembly's version (<c>0.1.0.0</c>).</summary>
    public static readonly string Version = typeof(GeneratorInfo).Assembly.GetName().Version?.ToString() ?? "0.0.0.0";
}
