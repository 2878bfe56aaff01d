namespace Odoo.Testing;

/// <summary>The fault rules of a server (see <see cref="OdooTestServer.Faults"/>). Thread-safe.</summary>
public sealed class OdooFaultCollection
{
    private readonly Lock _sync = new();
    private readonly List<OdooFaultRule> _rules = [];

    internal OdooFaultCollection()
    {
    }

    /// <summary>Adds a fault that applies to every request until narrowed with the returned rule.</summary>
    /// <param name="fault">The fault.</param>
    /// <returns>The rule, to narrow.</returns>
    public OdooFaultRule Add(OdooFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        var rule = new OdooFaultRule(fault, _sync);
        lock (_sync) _rules.Add(rule);
        return rule;
    }

    /// <summary>Removes one rule.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>Whether it was there.</returns>
    public bool Remove(OdooFaultRule rule)
    {
        lock (_sync) return _rules.Remove(rule);
    }

    /// <summary>Removes every rule.</summary>
    public void Clear()
    {
        lock (_sync) _rules.Clear();
    }

    /// <summary>The rules, in order.</summary>
    public IReadOnlyList<OdooFaultRule> Rules
    {
        get { lock (_sync) return [.. _rules]; }
    }

    internal OdooFault? Match(OdooRecordedRequest request)
    {
        lock (_sync)
        {
            foreach (var rule in _rules)
                if (rule.TryApply(request)) return rule.Fault;
            return null;
        }
    }
}
