namespace Odoo.Transport;

/// <summary>
/// Reads the <c>result</c> value of a successful call straight from the response's UTF-8 JSON.
/// The reader is positioned on the first token of the value; the delegate must consume the
/// whole value (and nothing after it).
/// </summary>
/// <typeparam name="T">The decoded result type.</typeparam>
/// <param name="reader">A reader positioned on the first token of the result value.</param>
/// <returns>The decoded result.</returns>
public delegate T OdooResultReader<T>(ref System.Text.Json.Utf8JsonReader reader);
