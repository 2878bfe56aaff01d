using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Odoo.Generator.Model;
using Odoo.Generator.Tests.Infrastructure;

namespace Odoo.Generator.Tests;

/// <summary>An edit that does not touch a declaration regenerates nothing, and no step holds Roslyn objects.</summary>
public sealed class IncrementalTests
{
    private static readonly string[] StepNames = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (string)f.GetValue(null)!)
        .ToArray();

    [Fact]
    public void An_unrelated_edit_leaves_every_step_cached_or_unchanged()
    {
        var options = GeneratorHarness.ParseOptions();
        var compilation = GeneratorHarness.CreateCompilation([Scenarios.ReferralCode, Scenarios.SelfReference.Replace("Billing.Models", "Other.Models"), "namespace Unrelated; internal static class Helper { public static int Value => 1; }"]);
        var driver = GeneratorHarness.CreateDriver(options, trackSteps: true).RunGenerators(compilation);
        var first = driver.GetRunResult().Results.Single();
        Assert.Null(first.Exception);

        var unrelated = compilation.SyntaxTrees.Single(t => t.ToString().Contains("class Helper", StringComparison.Ordinal));
        var edited = compilation.ReplaceSyntaxTree(unrelated, unrelated.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(
            "namespace Unrelated; internal static class Helper { public static int Value => 2; /* edited */ }")))
            .AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Unrelated; internal static class Added { }", options));
        var second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.NotEmpty(StepNames);
        foreach (var name in StepNames)
        {
            Assert.True(second.TrackedSteps.ContainsKey(name), $"step {name} was not tracked");
            var outputs = second.TrackedSteps[name].SelectMany(step => step.Outputs).ToList();
            Assert.True(outputs.Count > 0, $"step {name} had no output to check"); // two declarations reach every step
            foreach (var (_, reason) in outputs)
            {
                Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"step {name} ran again: {reason}");
            }
        }
        var sourceOutputs = second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(step => step.Outputs).ToList();
        Assert.NotEmpty(sourceOutputs);
        Assert.All(sourceOutputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"an output ran again: {o.Reason}"));
        // The run did produce the two models' sources (what the cached outputs stand for).
        Assert.Contains(second.GeneratedSources, s => s.HintName == "Billing.Models.ReferralCode.g.cs");
    }

    [Fact]
    public void Editing_a_declaration_regenerates_its_model()
    {
        var options = GeneratorHarness.ParseOptions();
        var compilation = GeneratorHarness.CreateCompilation([Scenarios.ReferralCode]);
        var driver = GeneratorHarness.CreateDriver(options, trackSteps: true).RunGenerators(compilation);
        var tree = compilation.SyntaxTrees.First();
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(
            Scenarios.ReferralCode.Replace("public partial int AllowedUses { get; }", "public partial long AllowedUses { get; }"))));

        var second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Contains(second.TrackedSteps[TrackingNames.Specs].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("private long? __f_AllowedUses;", second.GeneratedSources.Single(s => s.HintName == "Billing.Models.ReferralCode.g.cs").SourceText.ToString());
    }

    [Fact]
    public void Editing_a_property_regenerates_only_that_models_file()
    {
        // One declaration per file, as projects keep them: ReferralCode in one file, CreditType and Partner in another.
        var split = Scenarios.ReferralCode.IndexOf("/// <summary>A credit type.", StringComparison.Ordinal);
        var header = Scenarios.ReferralCode.Substring(0, Scenarios.ReferralCode.IndexOf("/// <summary>A referral code.", StringComparison.Ordinal));
        var referralCode = Scenarios.ReferralCode.Substring(0, split);
        var others = header + Scenarios.ReferralCode.Substring(split);
        var options = GeneratorHarness.ParseOptions();
        var compilation = GeneratorHarness.CreateCompilation([referralCode, others]);
        var driver = GeneratorHarness.CreateDriver(options, trackSteps: true).RunGenerators(compilation);
        var tree = compilation.SyntaxTrees.First(t => t.ToString().Contains("record ReferralCode", StringComparison.Ordinal));
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(
            referralCode.Replace("public partial int AllowedUses { get; }", "public partial long AllowedUses { get; }", StringComparison.Ordinal))));

        var second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        // Only the edited file's declaration is parsed again, and only its model's file is written again.
        var specs = second.TrackedSteps[TrackingNames.Specs].SelectMany(s => s.Outputs).ToList();
        var modified = Assert.Single(specs, o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New);
        Assert.Equal("ReferralCode", ((ModelSpec)modified.Value).Name);
        Assert.All(specs.Where(o => o != modified), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"another model's spec: {o.Reason}"));
        var perModel = second.TrackedSteps[TrackingNames.SpecsWithCompilation].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(3, perModel.Count);
        Assert.Single(perModel, o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New);
        // The assembly file (client properties, model table) depends on the models' names only: not written again.
        Assert.All(second.TrackedSteps[TrackingNames.AssemblyInputs].SelectMany(s => s.Outputs),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"the assembly file's inputs: {o.Reason}"));
        Assert.Contains("private long? __f_AllowedUses;", second.GeneratedSources.Single(s => s.HintName == "Billing.Models.ReferralCode.g.cs").SourceText.ToString());
    }

    [Fact]
    public void No_step_output_holds_symbols_syntax_semantic_models_or_compilations()
    {
        var compilation = GeneratorHarness.CreateCompilation([Scenarios.ReferralCode, Scenarios.FieldKinds.Replace("Billing.Models", "Kinds"), Scenarios.Derived.Replace("Billing.Models", "D").Replace("global::D", "global::D")]);
        var result = GeneratorHarness.CreateDriver(GeneratorHarness.ParseOptions(), trackSteps: true).RunGenerators(compilation).GetRunResult().Results.Single();

        var checkedCount = 0;
        foreach (var name in StepNames)
        {
            foreach (var step in result.TrackedSteps[name])
            {
                foreach (var (value, _) in step.Outputs)
                {
                    AssertNoRoslynObjects(value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
                    checkedCount++;
                }
            }
        }
        Assert.True(checkedCount > 5);
    }

    private static void AssertNoRoslynObjects(object? value, string step, HashSet<object> seen)
    {
        if (value is null) return;
        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || value is string || value is decimal) return;
        Assert.False(value is ISymbol or SyntaxNode or SemanticModel or Compilation or Location or SyntaxTree,
            $"step {step} holds a {type.FullName}");
        if (!type.IsValueType && !seen.Add(value)) return;
        if (value is IEnumerable items)
        {
            foreach (var item in items) AssertNoRoslynObjects(item, step, seen);
        }
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (field.FieldType.IsPointer) continue;
                AssertNoRoslynObjects(field.GetValue(value), step, seen);
            }
        }
    }
}
