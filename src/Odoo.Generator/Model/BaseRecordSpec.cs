namespace Odoo.Generator.Model;

/// <summary>The record this one derives from, when it extends another [OdooModel] record.</summary>
internal sealed record BaseRecordSpec(string FullName, string Name, string ModelName);
