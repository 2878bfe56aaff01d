using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Odoo.Analyzers;

/// <summary>
/// Checks field names given as strings to a manager of a known model (ODOO100), values written to
/// fields in an <c>OdooValues</c> initializer (ODOO102) and relations loaded one record at a time
/// inside a loop over records (ODOO101).
/// </summary>
[DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
public sealed class OdooUsageAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        [OdooDiagnostics.UnknownField, OdooDiagnostics.NPlusOne, OdooDiagnostics.WrongValueType];

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationAction(AnalyzeInvocation, OperationKind.Invocation);
        context.RegisterOperationAction(AnalyzeLoop, OperationKind.Loop);
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var model = ModelOf(invocation);
        if (model is null) return;
        OdooModelInfo? info = null;
        foreach (var argument in invocation.Arguments)
        {
            var parameter = argument.Parameter?.Name;
            if (parameter is null || argument.ArgumentKind == ArgumentKind.DefaultValue) continue;
            switch (parameter)
            {
                case "field":
                case "keyField":
                    if (Unwrap(argument.Value) is ILiteralOperation { ConstantValue: { HasValue: true, Value: string f } } lit)
                    {
                        CheckName(context, info ??= OdooModelInfo.TryCreate(model)!, f, lit.Syntax, fixable: true);
                    }
                    break;
                case "fields":
                    foreach (var op in argument.Value.DescendantsAndSelf())
                    {
                        if (op is ILiteralOperation { ConstantValue: { HasValue: true, Value: string name } })
                        {
                            CheckName(context, info ??= OdooModelInfo.TryCreate(model)!, name, op.Syntax, fixable: true);
                        }
                    }
                    break;
                case "order":
                    if (Unwrap(argument.Value) is ILiteralOperation { ConstantValue: { HasValue: true, Value: string order } } o)
                    {
                        info ??= OdooModelInfo.TryCreate(model)!;
                        foreach (var part in order.Split(','))
                        {
                            var words = part.Trim().Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
                            if (words.Length > 0) CheckName(context, info, words[0], o.Syntax, fixable: false);
                        }
                    }
                    break;
                case "domain":
                case "filters":
                    foreach (var op in argument.Value.DescendantsAndSelf())
                    {
                        if (op is IInvocationOperation { TargetMethod.ContainingType: var t } d && IsOdooType(t, "OdooDomain"))
                        {
                            foreach (var a in d.Arguments)
                            {
                                if (a.Parameter?.Name == "field" && Unwrap(a.Value) is ILiteralOperation { ConstantValue: { HasValue: true, Value: string n } } l)
                                {
                                    CheckName(context, info ??= OdooModelInfo.TryCreate(model)!, n, l.Syntax, fixable: true);
                                }
                            }
                        }
                    }
                    break;
                case "values":
                    foreach (var op in argument.Value.DescendantsAndSelf())
                    {
                        if (op is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true } idx } assign
                            && IsOdooType(idx.Property.ContainingType, "OdooValues") && idx.Arguments.Length == 1
                            && Unwrap(idx.Arguments[0].Value) is ILiteralOperation { ConstantValue: { HasValue: true, Value: string key } } k)
                        {
                            info ??= OdooModelInfo.TryCreate(model)!;
                            if (CheckName(context, info, key, k.Syntax, fixable: true)) CheckValue(context, info, key, assign.Value);
                        }
                        else if (op is IInvocationOperation { TargetMethod.Name: "Add" or "Set", Arguments.Length: 2 } add
                            && IsOdooType(add.TargetMethod.ContainingType, "OdooValues")
                            && Unwrap(add.Arguments[0].Value) is ILiteralOperation { ConstantValue: { HasValue: true, Value: string key2 } } k2)
                        {
                            info ??= OdooModelInfo.TryCreate(model)!;
                            if (CheckName(context, info, key2, k2.Syntax, fixable: true)) CheckValue(context, info, key2, add.Arguments[1].Value);
                        }
                    }
                    break;
            }
        }
    }

    /// <summary>The model of a manager method (<c>OdooManager&lt;T&gt;</c> or a generated manager) or of a record extension method.</summary>
    private static ITypeSymbol? ModelOf(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        for (var t = method.ContainingType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.TypeArguments.Length == 1 && IsOdooType(t.OriginalDefinition, "OdooManager"))
            {
                return OdooModelInfo.IsModel(t.TypeArguments[0]) ? t.TypeArguments[0] : null;
            }
        }
        if (method.IsExtensionMethod && method.Parameters.Length > 0 && invocation.Arguments.Length > 0)
        {
            var receiver = Unwrap(invocation.Arguments[0].Value).Type;
            if (OdooModelInfo.IsModel(receiver)) return receiver;
        }
        return null;
    }

    /// <summary>Reports ODOO100 when <paramref name="name"/> names no field; returns whether it does.</summary>
    private static bool CheckName(OperationAnalysisContext context, OdooModelInfo info, string name, SyntaxNode literal, bool fixable)
    {
        if (name.Length == 0 || info.Knows(name)) return true;
        var closest = info.Closest(name);
        var properties = ImmutableDictionary<string, string?>.Empty;
        if (closest is not null && fixable)
        {
            properties = properties
                .Add(OdooDiagnostics.SuggestionKey, closest.Name)
                .Add(OdooDiagnostics.ModelKey, info.Type.ToMinimalDisplayString(context.Operation.SemanticModel!, literal.SpanStart));
        }
        context.ReportDiagnostic(Diagnostic.Create(
            OdooDiagnostics.UnknownField, literal.GetLocation(), properties,
            name, info.Type.Name, closest is null ? "" : $"; did you mean '{closest.Name}'?"));
        return false;
    }

    /// <summary>Reports ODOO102 when the value cannot be converted to the field's type.</summary>
    private static void CheckValue(OperationAnalysisContext context, OdooModelInfo info, string key, IOperation value)
    {
        var property = info.Find(key);
        if (property is null) return;
        var field = Underlying(property.Type);
        var given = Unwrap(value);
        var valueType = given.Type;
        if (valueType is null || !IsSimple(field)) return;
        var compilation = context.Compilation;
        if (compilation.ClassifyCommonConversion(valueType, property.Type).IsImplicit) return;
        var underlyingValue = Underlying(valueType);
        if (!IsSimple(underlyingValue)) return;
        context.ReportDiagnostic(Diagnostic.Create(
            OdooDiagnostics.WrongValueType, given.Syntax.GetLocation(),
            key, info.Type.Name, property.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat),
            valueType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
    }

    private static ITypeSymbol Underlying(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } n ? n.TypeArguments[0] : type;

    /// <summary>Scalar field types whose mismatch is certain: numbers, text, booleans, dates.</summary>
    private static bool IsSimple(ITypeSymbol type) =>
        type.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Double or SpecialType.System_Single
            or SpecialType.System_Decimal or SpecialType.System_String or SpecialType.System_Boolean or SpecialType.System_DateTime
        || type is { Name: "DateOnly" or "DateTimeOffset", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };

    private static void AnalyzeLoop(OperationAnalysisContext context)
    {
        if (context.Operation is not IForEachLoopOperation loop || loop.Syntax is not ForEachStatementSyntax) return;
        if (loop.Locals.Length != 1 || !OdooModelInfo.IsModel(loop.Locals[0].Type)) return;
        var variable = loop.Locals[0];
        var model = (INamedTypeSymbol)variable.Type;
        foreach (var op in loop.Body.Descendants())
        {
            if (op is not IInvocationOperation { Instance: ILocalReferenceOperation local } call
                || !SymbolEqualityComparer.Default.Equals(local.Local, variable)) continue;
            var name = call.TargetMethod.Name;
            if (call.TargetMethod.IsGenericMethod || name.Length <= "LoadAsync".Length || !name.StartsWith("Load", StringComparison.Ordinal) || !name.EndsWith("Async", StringComparison.Ordinal)) continue;
            var relation = name.Substring(4, name.Length - 9);
            if (!IsRelation(model, relation)) continue;
            context.ReportDiagnostic(Diagnostic.Create(
                OdooDiagnostics.NPlusOne, call.Syntax.GetLocation(),
                ImmutableDictionary<string, string?>.Empty
                    .Add(OdooDiagnostics.ModelKey, model.ToMinimalDisplayString(context.Operation.SemanticModel!, loop.Syntax.SpanStart))
                    .Add(OdooDiagnostics.RelationKey, relation),
                model.Name, relation));
        }
    }

    private static bool IsRelation(INamedTypeSymbol model, string property)
    {
        for (var t = model; t is not null; t = t.BaseType)
        {
            foreach (var m in t.GetMembers(property))
            {
                if (m is IPropertySymbol p && (OdooModelInfo.HasAttribute(p, "Many2OneAttribute") || OdooModelInfo.HasAttribute(p, "One2ManyAttribute") || OdooModelInfo.HasAttribute(p, "Many2ManyAttribute"))) return true;
            }
        }
        return false;
    }

    /// <summary>Whether <paramref name="type"/> is the runtime type <paramref name="name"/> (namespace <c>Odoo</c> or one below it).</summary>
    private static bool IsOdooType(ITypeSymbol? type, string name)
    {
        if (type is null || type.Name != name) return false;
        var ns = type.ContainingNamespace;
        if (ns is { Name: "Odoo", ContainingNamespace.IsGlobalNamespace: true }) return true;
        return ns is { ContainingNamespace: { Name: "Odoo", ContainingNamespace.IsGlobalNamespace: true } };
    }

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } c) operation = c.Operand;
        return operation;
    }
}
