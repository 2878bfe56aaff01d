using System.Globalization;
using System.Text;

namespace Odoo.Databases;

/// <summary>The format of a database dump.</summary>
public enum OdooDumpFormat
{
    /// <summary>A zip file holding <c>dump.sql</c> (plain SQL), <c>manifest.json</c> and the <c>filestore/</c> (attachments): what the database manager downloads.</summary>
    Zip,

    /// <summary>PostgreSQL's custom format (<c>pg_dump --format=c</c>) without the filestore: Odoo's "pg_dump custom format (without filestore)".</summary>
    PgDump,
}
