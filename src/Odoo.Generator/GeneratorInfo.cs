using System.Reflection;

namespace Odoo.Generator;

/// <summary>The generator's name and version, as written in <c>[GeneratedCode]</c> on generated types and members.</summary>
internal static class GeneratorInfo
{
    public const string Name = "Odoo.Generator";

    /// <summary>
    /// The generator's package version (its informational version without the commit, <c>1.2.3</c> or
    /// <c>0.1.0-alpha.0.5</c>; versions come from git tags, so the assembly version alone would say <c>0.0.0.0</c> before 1.0).
    /// </summary>
    public static readonly string Version =
        (typeof(GeneratorInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
         ?? typeof(GeneratorInfo).Assembly.GetName().Version?.ToString()
         ?? "0.0.0").Split('+')[0];
}
