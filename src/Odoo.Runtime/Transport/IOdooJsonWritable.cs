namespace Odoo.Transport;

/// <summary>A value that writes its own JSON form (used by domains, create values and generated code).</summary>
public interface IOdooJsonWritable
{
    /// <summary>Writes this value as one JSON value.</summary>
    /// <param name="writer">The writer to write to.</param>
    void WriteTo(System.Text.Json.Utf8JsonWriter writer);
}
