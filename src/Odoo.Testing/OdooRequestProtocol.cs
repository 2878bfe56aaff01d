using System.Text.Json;

namespace Odoo.Testing;

/// <summary>Which protocol a request used.</summary>
public enum OdooRequestProtocol
{
    /// <summary><c>POST /jsonrpc</c> (services <c>common</c>, <c>object</c>, <c>db</c>).</summary>
    JsonRpc,
    /// <summary><c>POST /json/2/&lt;model&gt;/&lt;method&gt;</c> (Odoo 19+).</summary>
    Json2,
    /// <summary>The web client's JSON routes (<c>/web/webclient/version_info</c>, <c>/web/session/*</c>, <c>/web/dataset/call_kw</c>).</summary>
    Web,
    /// <summary>Anything else (<c>/web/version</c>, unknown routes).</summary>
    Http,
}
