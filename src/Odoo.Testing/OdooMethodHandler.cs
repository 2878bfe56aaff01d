using System.Text.Json;
using System.Text.Json.Nodes;

namespace Odoo.Testing;

/// <summary>
/// Handles a custom model method registered with <see cref="OdooTestServer.RegisterMethod"/>.
/// Return the JSON result (null for Python's <c>None</c>), or throw an <see cref="OdooServerError"/>.
/// It runs under the server's lock, inside the call's transaction: changes made through the
/// server's data methods (<see cref="OdooTestServer.Create"/>...) are undone if it throws.
/// </summary>
/// <param name="call">The call.</param>
/// <returns>The result.</returns>
public delegate JsonNode? OdooMethodHandler(OdooMethodCall call);
