namespace Odoo.Generator.Model;

/// <summary>What the emitter needs of the compilation: language version and runtime features.</summary>
internal sealed record CompilationSpec(string AssemblyName, bool UseExtensionMembers, bool HasManagerBase, bool SupportsPartialProperties)
{
    /// <summary>Whether the runtime's <c>IOdooRecord&lt;TSelf&gt;</c> has <c>GetManager</c> (records then implement it).</summary>
    public bool HasRecordManager { get; init; }

    /// <summary>Whether the runtime has the typed API (<c>Odoo.Fields</c>, <c>OdooRecordValues&lt;T&gt;</c>): records then get <c>Fields</c> and <c>{Record}Values</c>.</summary>
    public bool HasTypedApi { get; init; }

    /// <summary>The exception that kept the compilation from being read (the defaults above are used then); reported as ODOO999.</summary>
    public string? Failure { get; init; }
}
