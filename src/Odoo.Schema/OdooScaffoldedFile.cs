namespace Odoo.Schema;

/// <summary>One scaffolded C# file.</summary>
/// <param name="FileName">The file name (<c>{Record}.cs</c>).</param>
/// <param name="RecordName">The record's C# name.</param>
/// <param name="ModelName">The Odoo model.</param>
/// <param name="Content">The C# source.</param>
/// <param name="IsStub">Whether this is a stub for a relation target (only the fields every model has).</param>
/// <param name="FieldCount">The number of properties declared.</param>
public sealed record OdooScaffoldedFile(string FileName, string RecordName, string ModelName, string Content, bool IsStub, int FieldCount);
