namespace Odoo.Testing.Internal;

/// <summary>
/// The in-memory database, by concern: <see cref="Schema"/> (models and registered methods), <see cref="Access"/>
/// (credentials and access rules), <see cref="Records"/> (records, their operations and transactions),
/// <see cref="Commands"/> (x2many commands) and <see cref="Constraints"/>. The server's store is reachable only
/// through <see cref="LockedStore.Enter"/>, whose scope holds the lock.
/// </summary>
internal sealed class Store
{
    public Store(TimeProvider time)
    {
        Time = time;
        Schema = new SchemaRegistry();
        Access = new AccessControl();
        Records = new RecordStore(this);
        Commands = new X2ManyCommands(this);
        Constraints = new Constraints(this);
    }

    public TimeProvider Time { get; }
    public SchemaRegistry Schema { get; }
    public AccessControl Access { get; }
    public RecordStore Records { get; }
    public X2ManyCommands Commands { get; }
    public Constraints Constraints { get; }

    /// <summary>
    /// A deep copy of the data (models, rows, credentials, access rules and registered methods), sharing nothing
    /// mutable with this store: what <c>db.duplicate_database</c> and a restored dump start from.
    /// </summary>
    public Store Clone()
    {
        var copy = new Store(Time);
        foreach (var (name, table) in Schema.Models)
        {
            var t = new ModelTable(table.Schema);
            foreach (var row in table.Ordered)
            {
                var values = (object?[])row.Values.Clone();
                for (var i = 0; i < values.Length; i++)
                    if (values[i] is List<int> list) values[i] = new List<int>(list);
                t.AddRowRaw(new Row(row.Id, values));
            }
            t.NextId = table.NextId;
            copy.Schema.Models[name] = t;
        }
        foreach (var (uid, c) in Access.Credentials) copy.Access.Credentials[uid] = c;
        copy.Access.Rules.AddRange(Access.Rules);
        foreach (var (key, method) in Schema.Methods) copy.Schema.Methods[key] = method;
        return copy;
    }
}
