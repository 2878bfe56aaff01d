using System.Globalization;
using System.Text.Json;

namespace Odoo.Schema;

/// <summary>The server does not know a model (Odoo's "Object x doesn't exist").</summary>
public sealed class OdooModelNotFoundException : OdooException
{
    /// <summary>Creates the error.</summary>
    /// <param name="model">The model name.</param>
    /// <param name="server">The server's URL, for the message.</param>
    /// <param name="innerException">The server error.</param>
    public OdooModelNotFoundException(string model, Uri? server, Exception? innerException = null)
        : base($"The model '{model}' does not exist on the Odoo server{(server is null ? "" : " at " + server)} (or its module is not installed).", innerException)
    {
        Model = model;
    }
}
