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

/// <summary>ODOO101: loads the relation for the whole list before the loop and reads the property inside it.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NPlusOneCodeFix)), Shared]
public sealed class NPlusOneCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [OdooDiagnostics.NPlusOne.Id];

    /// <inheritdoc />
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(OdooDiagnostics.RelationKey, out var relation) || relation is null
                || !diagnostic.Properties.TryGetValue(OdooDiagnostics.ModelKey, out var model) || model is null) continue;
            if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call) continue;
            var loop = call.Ancestors().OfType<ForEachStatementSyntax>().FirstOrDefault();
            // The list is named again before the loop: only a plain name is safe to repeat.
            if (loop is null || loop.Parent is not BlockSyntax || loop.Expression is not (IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax or IdentifierNameSyntax })) continue;
            // The awaited load (possibly with ConfigureAwait) becomes a read of the property.
            SyntaxNode awaited = call;
            if (call.Parent is MemberAccessExpressionSyntax { Name.Identifier.Text: "ConfigureAwait" } m && m.Parent is InvocationExpressionSyntax configured) awaited = configured;
            if (awaited.Parent is not AwaitExpressionSyntax awaitExpression) continue;
            var title = $"Load {relation} for the whole list before the loop";
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => Fix(context.Document, loop, awaitExpression, access.Expression, model, relation, ct), equivalenceKey: "OdooLoadBeforeLoop"),
                diagnostic);
        }
    }

    /// <summary>The document's own line ending (the one after the loop's header).</summary>
    private static SyntaxTrivia EndOfLine(SyntaxNode node)
    {
        foreach (var t in node.DescendantTrivia())
        {
            if (t.IsKind(SyntaxKind.EndOfLineTrivia)) return t;
        }
        return SyntaxFactory.ElasticLineFeed;
    }

    private static async Task<Document> Fix(Document document, ForEachStatementSyntax loop, AwaitExpressionSyntax awaitExpression, ExpressionSyntax record, string model, string relation, CancellationToken ct)
    {
        var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
        var read = SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, record.WithoutTrivia(), SyntaxFactory.IdentifierName(relation))
            .WithTriviaFrom(awaitExpression);
        var newLoop = loop.ReplaceNode(awaitExpression, read);
        var load = SyntaxFactory.ParseStatement($"await {loop.Expression.WithoutTrivia()}.LoadAsync({TypedNames.RelationReference(model, relation)});")
            .WithLeadingTrivia(loop.GetLeadingTrivia())
            .WithTrailingTrivia(EndOfLine(loop))
            .WithAdditionalAnnotations(Formatter.Annotation);
        var block = (BlockSyntax)loop.Parent!;
        var index = block.Statements.IndexOf(loop);
        var statements = block.Statements.Replace(loop, newLoop).Insert(index, load);
        return document.WithSyntaxRoot(root!.ReplaceNode(block, block.WithStatements(statements)));
    }
}
