using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Odoo.Generator.Model;

namespace Odoo.Generator.Parsing;

/// <summary>Reads what the emitter needs of the compilation (language version, runtime features) into a <see cref="CompilationSpec"/>.</summary>
internal static class CompilationReader
{
    private const int CSharp13 = 1300;
    private const int CSharp14 = 1400;

    /// <summary>Never throws: a failure keeps the defaults and is carried as <see cref="CompilationSpec.Failure"/> (reported as ODOO999).</summary>
    public static CompilationSpec SafeRead(Compilation compilation, ParseOptions options)
    {
        try
        {
            var version = options is CSharpParseOptions cs ? (int)cs.LanguageVersion : CSharp13;
            var known = KnownSymbols.For(compilation);
            var recordInterface = known.RecordInterface;
            return new CompilationSpec(
                compilation.AssemblyName ?? "Assembly",
                UseExtensionMembers: version >= CSharp14,
                HasManagerBase: known.ManagerBase is not null,
                SupportsPartialProperties: version >= CSharp13)
            {
                HasRecordManager = recordInterface is not null && recordInterface.GetMembers("GetManager").Length > 0,
                HasTypedApi = known.RecordValues is not null,
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Reported as ODOO999 with the assembly file (on the first declaration).
            return new CompilationSpec("Assembly", false, false, true) { Failure = OdooGenerator.Describe(ex) };
        }
    }
}
