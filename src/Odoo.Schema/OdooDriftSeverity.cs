using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Odoo.Schema;

/// <summary>How bad a drift finding is.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OdooDriftSeverity>))]
public enum OdooDriftSeverity
{
    /// <summary>Worth knowing; reads and writes still work (a selection value the server no longer offers).</summary>
    Info,
    /// <summary>Reads may fail for some records (a non-nullable declaration of a field Odoo may send as <c>false</c>).</summary>
    Warning,
    /// <summary>Reads fail or return something else (a missing field, a changed type or relation, an unknown selection value).</summary>
    Error,
}
