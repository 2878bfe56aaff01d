using System.Collections.Frozen;

namespace Odoo.Metadata;

/// <summary>The Odoo type of a declared field.</summary>
public enum OdooFieldKind
{
    /// <summary><c>boolean</c>.</summary>
    Boolean,
    /// <summary><c>integer</c>.</summary>
    Integer,
    /// <summary><c>float</c> or <c>monetary</c>.</summary>
    Float,
    /// <summary><c>char</c>, <c>text</c> or <c>html</c>.</summary>
    Char,
    /// <summary><c>date</c> (<c>yyyy-MM-dd</c>).</summary>
    Date,
    /// <summary><c>datetime</c> (<c>yyyy-MM-dd HH:mm:ss</c>, UTC).</summary>
    DateTime,
    /// <summary><c>selection</c>.</summary>
    Selection,
    /// <summary><c>many2one</c>: <c>[id, display_name]</c> or <c>false</c>.</summary>
    Many2One,
    /// <summary><c>one2many</c>: a list of ids.</summary>
    One2Many,
    /// <summary><c>many2many</c>: a list of ids.</summary>
    Many2Many,
    /// <summary><c>binary</c> (base64 text).</summary>
    Binary,
    /// <summary><c>json</c>, <c>properties</c> or any field read as raw JSON.</summary>
    Json,
}
