using Microsoft.CodeAnalysis;

namespace Odoo.Analyzers;

/// <summary>The analyzers' diagnostics (ODOO1xx; the generator uses ODOO0xx).</summary>
public static class OdooDiagnostics
{
    /// <summary>Diagnostic property holding the suggested C# property name.</summary>
    public const string SuggestionKey = "Suggestion";

    /// <summary>Diagnostic property holding the model type's name as written in C#.</summary>
    public const string ModelKey = "Model";

    /// <summary>Diagnostic property holding the relation property name.</summary>
    public const string RelationKey = "Relation";

    /// <summary>ODOO100: a string names no field of the model.</summary>
    public static readonly DiagnosticDescriptor UnknownField = new(
        "ODOO100", "Unknown field name",
        "'{0}' is not a field of {1}{2}",
        "OdooGen", DiagnosticSeverity.Warning, isEnabledByDefault: true,
        description: "A field name given as a string is neither a property, an Odoo field name, an alias nor a base field of the model; the server would reject the call at run time.");

    /// <summary>ODOO101: a relation loaded one record at a time inside a loop over records.</summary>
    public static readonly DiagnosticDescriptor NPlusOne = new(
        "ODOO101", "Relation loaded one record at a time in a loop (N+1)",
        "'Load{1}Async' inside a loop over {0} records sends one request per record (N+1); load the relation for all of them before the loop with 'LoadAsync({0}.Relations.{1})'",
        "OdooGen", DiagnosticSeverity.Warning, isEnabledByDefault: true,
        description: "Loading a relation record by record inside a loop makes one read per record; the list's LoadAsync makes one read per related model.");

    /// <summary>ODOO102: a value whose type does not fit the field.</summary>
    public static readonly DiagnosticDescriptor WrongValueType = new(
        "ODOO102", "Value of the wrong type for a field",
        "Field '{0}' of {1} is {2}, but the value is {3}",
        "OdooGen", DiagnosticSeverity.Warning, isEnabledByDefault: true,
        description: "A value in an OdooValues initializer cannot be converted to the type of the field it is written to; the server would reject or misread it.");
}
