using System.Text.Json;
using System.Text.Json.Nodes;

namespace Odoo.Testing;

/// <summary>Whether a custom method works on records (ids first) or on the model (<c>@api.model</c>).</summary>
public enum OdooMethodKind
{
    /// <summary>A record method: over JSON-RPC the first positional argument is the ids; over JSON-2 they come from <c>ids</c>.</summary>
    Records,
    /// <summary>A model method (<c>@api.model</c>): no ids (on JSON-2, non-empty <c>ids</c> are a 422 "cannot call model.method with ids", as in Odoo 19).</summary>
    Model,
}
