using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace Odoo.Analyzers;

/// <summary>The one place that spells a generated typed field reference: <c>{Model}.Fields.{Property}</c>.</summary>
internal static class TypedNames
{
    public static string FieldReference(string model, string property) => $"{model}.Fields.{property}";

    public static string RelationReference(string model, string property) => $"{model}.Relations.{property}";
}
