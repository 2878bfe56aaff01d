using Odoo.Serialization;
using Odoo.Transport;

namespace Odoo.Models.OpenStack;

/// <summary>Small helpers shared by the hand-written parts of the managers.</summary>
internal static class ManagerSupport
{
    /// <summary>Runs a record method that returns nothing useful, and waits for it.</summary>
    public static async Task CallAsync(OdooClient client, OdooCall call, CancellationToken cancellationToken) =>
        await client.ExecuteAsync(call, OdooJsonReader.SkipResult, cancellationToken).ConfigureAwait(false);

    /// <summary>The ids of records, in order, duplicates kept.</summary>
    public static List<int> IdsOf<T>(IEnumerable<T> records) where T : OdooRecord
    {
        ArgumentNullException.ThrowIfNull(records);
        var ids = new List<int>();
        foreach (var r in records) ids.Add((r ?? throw new ArgumentException("A record in the list is null.", nameof(records))).Id);
        return ids;
    }

    /// <summary>Checks that an id can name a record.</summary>
    public static int CheckId(int id, string paramName) =>
        id > 0 ? id : throw new ArgumentOutOfRangeException(paramName, id, "A record id is a positive number.");
}
