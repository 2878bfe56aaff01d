using System.Text.Json;
using Odoo.Metadata;
using Odoo.Serialization;

namespace Odoo;

/// <summary>
/// Where a record came from: the client (for relation loads and refreshes), the Odoo fields it was
/// read with and the context of the call. One instance is shared by all records of one answer.
/// </summary>
public sealed class OdooRecordSource
{
    /// <summary>Creates a source.</summary>
    /// <param name="client">The client the record was read with; <see langword="null"/> for records built offline (then loaders fail).</param>
    /// <param name="fields">The Odoo fields requested; <see langword="null"/> when all fields were read.</param>
    /// <param name="context">The context of the call, carried into relation loads.</param>
    public OdooRecordSource(OdooClient? client, IReadOnlyList<string>? fields, OdooContext? context)
    {
        Client = client;
        Fields = fields;
        Context = context;
    }

    /// <summary>A source with no client, for records decoded offline.</summary>
    public static OdooRecordSource Detached { get; } = new(null, null, null);

    /// <summary>The client the record was read with.</summary>
    public OdooClient? Client { get; }

    /// <summary>The Odoo fields requested; <see langword="null"/> when all fields were read.</summary>
    public IReadOnlyList<string>? Fields { get; }

    /// <summary>The context of the call.</summary>
    public OdooContext? Context { get; }

    /// <summary>The client, or an error saying the record has none.</summary>
    /// <param name="recordType">The record type, for the message.</param>
    public OdooClient RequireClient(string recordType) =>
        Client ?? throw new InvalidOperationException($"This {recordType} was not read through an OdooClient, so its relations cannot be loaded.");
}
