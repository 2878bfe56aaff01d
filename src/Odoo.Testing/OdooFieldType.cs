namespace Odoo.Testing;

/// <summary>The Odoo field types the test server knows (the <c>type</c> of <c>fields_get</c>).</summary>
public enum OdooFieldType
{
    /// <summary><c>char</c>: a one-line string.</summary>
    Char,
    /// <summary><c>text</c>: a multi-line string.</summary>
    Text,
    /// <summary><c>html</c>: an HTML string.</summary>
    Html,
    /// <summary><c>integer</c>: a whole number (read as <c>0</c> when unset).</summary>
    Integer,
    /// <summary><c>float</c>: a number (read as <c>0.0</c> when unset).</summary>
    Float,
    /// <summary><c>monetary</c>: an amount (read as <c>0.0</c> when unset).</summary>
    Monetary,
    /// <summary><c>boolean</c>: <c>true</c> or <c>false</c> (read as <c>false</c> when unset).</summary>
    Boolean,
    /// <summary><c>date</c>: a <c>yyyy-MM-dd</c> string.</summary>
    Date,
    /// <summary><c>datetime</c>: a <c>yyyy-MM-dd HH:mm:ss</c> string, UTC.</summary>
    DateTime,
    /// <summary><c>selection</c>: one key of a fixed list.</summary>
    Selection,
    /// <summary><c>many2one</c>: a link to one record, read as <c>[id, display_name]</c>.</summary>
    Many2One,
    /// <summary><c>one2many</c>: the records of another model whose inverse many2one points here.</summary>
    One2Many,
    /// <summary><c>many2many</c>: a list of linked records.</summary>
    Many2Many,
    /// <summary><c>binary</c>: base64 text.</summary>
    Binary,
    /// <summary><c>json</c>: any JSON value.</summary>
    Json,
}
