using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Odoo.Schema;

/// <summary>One difference between a declaration and the server.</summary>
public sealed record OdooDriftFinding
{
    /// <summary>The Odoo model.</summary>
    public required string Model { get; init; }

    /// <summary>The declaring C# record (fully qualified).</summary>
    public required string RecordType { get; init; }

    /// <summary>The Odoo field, when the finding is about one.</summary>
    public string? Field { get; init; }

    /// <summary>The C# property, when the finding is about one.</summary>
    public string? Property { get; init; }

    /// <summary>What drifted.</summary>
    public required OdooDriftKind Kind { get; init; }

    /// <summary>How bad it is.</summary>
    public required OdooDriftSeverity Severity { get; init; }

    /// <summary>What the declaration says (for example <c>many2one -&gt; res.partner</c>).</summary>
    public string? Declared { get; init; }

    /// <summary>What the server says.</summary>
    public string? Server { get; init; }

    /// <summary>One sentence saying what is wrong and what to do.</summary>
    public required string Message { get; init; }
}
