using System.Text.Json;
using Odoo.Metadata;
using Odoo.Serialization;

namespace Odoo;

/// <summary>
/// Implemented by every generated <c>[OdooModel]</c> record: its metadata and its UTF-8 JSON decoder.
/// The runtime's generic code (managers, relation loading) calls these static members, so it
/// never needs reflection.
/// </summary>
/// <typeparam name="TSelf">The record type.</typeparam>
public interface IOdooRecord<TSelf> where TSelf : OdooRecord, IOdooRecord<TSelf>
{
    /// <summary>The model's field metadata.</summary>
    static abstract OdooModelMetadata Metadata { get; }

    /// <summary>
    /// Decodes one record from a JSON object (one row of a <c>read</c> or <c>search_read</c> answer).
    /// The reader is on the <c>StartObject</c> token and is left on the matching <c>EndObject</c>.
    /// </summary>
    /// <param name="reader">The reader.</param>
    /// <param name="source">Where the record came from (shared by all rows of one answer).</param>
    static abstract TSelf Decode(ref Utf8JsonReader reader, OdooRecordSource source);

    /// <summary>
    /// Returns <paramref name="client"/>'s manager of the record type, creating it on first use: the generated
    /// <c>{Record}Manager</c>, cached under the same key as the client property (<c>client.ReferralCodes</c>), so
    /// <see cref="OdooClient.Manager{TRecord}"/>, the client property and record operations share one instance
    /// and reach hand-written manager members. Each record type implements its own (a derived record's
    /// manager is not its base's).
    /// </summary>
    /// <param name="client">The client.</param>
    static abstract OdooManager<TSelf> GetManager(OdooClient client);
}
