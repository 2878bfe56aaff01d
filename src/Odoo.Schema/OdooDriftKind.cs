using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Odoo.Schema;

/// <summary>What drifted.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OdooDriftKind>))]
public enum OdooDriftKind
{
    /// <summary>The server has no such model (or its module is not installed).</summary>
    ModelMissing,
    /// <summary>The server has no such field (on this version).</summary>
    FieldMissing,
    /// <summary>The field's type changed (for example many2one to many2many, or char to integer).</summary>
    TypeChanged,
    /// <summary>The relation's target model changed.</summary>
    RelationChanged,
    /// <summary>The declaration is non-nullable, but Odoo does not require the field, so it may send <c>false</c>.</summary>
    NullableUnsafe,
    /// <summary>
    /// The declaration is non-nullable and Odoo does not require the field, but fills it itself: a related
    /// field, or a read-only one that is computed or has a default. It is <c>false</c> only when its source is.
    /// </summary>
    NullableAssumed,
    /// <summary>The server offers a selection value the declared enum has no member for.</summary>
    SelectionValueNotCovered,
    /// <summary>The declared enum has a member for a selection value the server no longer offers.</summary>
    SelectionValueRemoved,
}
