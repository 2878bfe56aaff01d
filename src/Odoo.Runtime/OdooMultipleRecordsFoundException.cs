using System.Text;

namespace Odoo;

/// <summary>A lookup that expects one record found several.</summary>
public class OdooMultipleRecordsFoundException : OdooException
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">What was looked for and what was found.</param>
    public OdooMultipleRecordsFoundException(string message) : base(message) { }

    /// <summary>The ids of the records found.</summary>
    public IReadOnlyList<int> FoundIds { get; init; } = [];
}
