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

/// <summary>ODOO100: replaces a mistyped field name string with the typed reference of the closest field.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnknownFieldCodeFix)), Shared]
public sealed class UnknownFieldCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [OdooDiagnostics.UnknownField.Id];

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(OdooDiagnostics.SuggestionKey, out var property) || property is null
                || !diagnostic.Properties.TryGetValue(OdooDiagnostics.ModelKey, out var model) || model is null) continue;
            if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal) continue;
            var replacement = TypedNames.FieldReference(model, property);
            context.RegisterCodeFix(
                CodeAction.Create($"Use {replacement}", ct => Replace(context.Document, literal, replacement, ct), equivalenceKey: "OdooTypedField"),
                diagnostic);
        }
    }

    private static async Task<Document> Replace(Document document, LiteralExpressionSyntax literal, string replacement, CancellationToken ct)
    {
        var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
        var expression = SyntaxFactory.ParseExpression(replacement).WithTriviaFrom(literal);
        return document.WithSyntaxRoot(root!.ReplaceNode(literal, expression));
    }
}
