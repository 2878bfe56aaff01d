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
}
