using System.Text.Json;
using System.Text.Json.Nodes;

namespace Odoo.Testing;

/// <summary>The operations access rules can deny.</summary>
[Flags]
public enum OdooOperation
{
    /// <summary>No operation.</summary>
    None = 0,
    /// <summary><c>search</c>, <c>read</c>, <c>search_read</c>, <c>search_count</c>, <c>name_search</c>.</summary>
    Read = 1,
    /// <summary><c>write</c>, <c>update</c>, archiving.</summary>
    Write = 2,
    /// <summary><c>create</c>, <c>copy</c>.</summary>
    Create = 4,
    /// <summary><c>unlink</c>.</summary>
    Unlink = 8,
    /// <summary>Every operation.</summary>
    All = Read | Write | Create | Unlink,
}
