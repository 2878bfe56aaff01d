using System.Globalization;
using System.Text;

namespace Odoo;

/// <summary>The wire protocol an <see cref="OdooClient"/> speaks.</summary>
public enum OdooProtocol
{
    /// <summary>
    /// Detect: JSON-2 when the server reports Odoo 19 or later, an <see cref="OdooClientOptions.ApiKey"/> is set, and the
    /// server answers a JSON-2 call with a 2xx JSON body; JSON-RPC otherwise (a password cannot authenticate JSON-2).
    /// </summary>
    Auto = 0,

    /// <summary>JSON-RPC on <c>/jsonrpc</c> (<c>common.login</c> + <c>object.execute_kw</c>): Odoo 8 to 19.</summary>
    JsonRpc = 1,

    /// <summary>JSON-2 on <c>/json/2/&lt;model&gt;/&lt;method&gt;</c> with a bearer API key (required; never a password): Odoo 19 and later.</summary>
    Json2 = 2,
}
