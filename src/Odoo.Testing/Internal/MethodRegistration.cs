namespace Odoo.Testing.Internal;

/// <summary>A method registered on a model with <see cref="OdooTestServer.RegisterMethod"/>.</summary>
internal sealed record MethodRegistration(OdooMethodHandler Handler, OdooMethodKind Kind);
