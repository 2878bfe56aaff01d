namespace Odoo.Transport;

/// <summary>
/// One argument of an ORM call. JSON-RPC sends <see cref="OdooCall.Arguments"/> positionally,
/// JSON-2 sends every argument by <see cref="Name"/>.
/// </summary>
/// <param name="Name">The Python parameter name (for example <c>domain</c>, <c>fields</c>, <c>vals_list</c>);
/// <see langword="null"/> for a purely positional argument, which JSON-2 cannot send.</param>
/// <param name="Value">The value: <see langword="null"/>, <see cref="bool"/>, numbers, <see cref="string"/>,
/// <see cref="DateOnly"/>, <see cref="DateTime"/>, <see cref="DateTimeOffset"/>, enumerables, string-keyed dictionaries,
/// <see cref="System.Text.Json.JsonElement"/>, <see cref="System.Text.Json.Nodes.JsonNode"/> or <see cref="IOdooJsonWritable"/>.</param>
public readonly record struct OdooArgument(string? Name, object? Value);
