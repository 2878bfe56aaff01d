namespace Odoo.Generator;

/// <summary>Names of the pipeline steps, asserted by the incremental test.</summary>
internal static class TrackingNames
{
    public const string Declarations = nameof(Declarations);
    public const string LocatedSpecs = nameof(LocatedSpecs);
    public const string Specs = nameof(Specs);
    public const string CompilationInfo = nameof(CompilationInfo);
    public const string SpecsWithCompilation = nameof(SpecsWithCompilation);
    public const string SpecHeaders = nameof(SpecHeaders);
    public const string AllSpecs = nameof(AllSpecs);
    public const string AllIdentities = nameof(AllIdentities);
    public const string FirstDeclaration = nameof(FirstDeclaration);
    public const string AssemblyInputs = nameof(AssemblyInputs);
}
