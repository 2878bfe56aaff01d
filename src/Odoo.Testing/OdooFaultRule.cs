namespace Odoo.Testing;

/// <summary>
/// When an <see cref="OdooFault"/> applies. By default it applies to every request; the fluent
/// methods narrow it. Rules are tried in the order they were added; the first that matches a
/// request applies (one fault per request).
/// </summary>
public sealed class OdooFaultRule
{
    private readonly Lock _sync;
    private string? _model;
    private string? _method;
    private string? _service;
    private string? _path;
    private Func<OdooRecordedRequest, bool>? _predicate;
    private int? _times;
    private int _skip;
    private int _matched;
    private int _applied;

    internal OdooFaultRule(OdooFault fault, Lock sync)
    {
        Fault = fault;
        _sync = sync;
    }

    /// <summary>The fault.</summary>
    public OdooFault Fault { get; }

    /// <summary>How many times the fault was applied.</summary>
    public int Applied
    {
        get { lock (_sync) return _applied; }
    }

    /// <summary>Whether the rule has used up its <see cref="Times"/>.</summary>
    public bool IsExhausted
    {
        get { lock (_sync) return _times is { } t && _applied >= t; }
    }

    /// <summary>Applies only to calls of this model and/or method (ORM method, or service method such as <c>login</c>), and/or service.</summary>
    /// <param name="model">The model, or null for any.</param>
    /// <param name="method">The method, or null for any.</param>
    /// <param name="service">The JSON-RPC service (<c>common</c>, <c>object</c>), or null for any.</param>
    /// <returns>This rule.</returns>
    public OdooFaultRule For(string? model = null, string? method = null, string? service = null)
    {
        lock (_sync)
        {
            _model = model;
            _method = method;
            _service = service;
        }
        return this;
    }

    /// <summary>Applies only to requests for this URL path (e.g. <c>/web/webclient/version_info</c>).</summary>
    /// <param name="path">The path.</param>
    /// <returns>This rule.</returns>
    public OdooFaultRule OnPath(string path)
    {
        lock (_sync) _path = path;
        return this;
    }

    /// <summary>
    /// Applies only when <paramref name="predicate"/> holds for the request (its protocol,
    /// path, service, model, method, sequence number are known; status and duration are not yet).
    /// </summary>
    /// <param name="predicate">The test.</param>
    /// <returns>This rule.</returns>
    public OdooFaultRule When(Func<OdooRecordedRequest, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        lock (_sync) _predicate = predicate;
        return this;
    }

    /// <summary>Applies at most <paramref name="count"/> times (unlimited by default).</summary>
    /// <param name="count">The count.</param>
    /// <returns>This rule.</returns>
    public OdooFaultRule Times(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_sync) _times = count;
        return this;
    }

    /// <summary>Applies once.</summary>
    /// <returns>This rule.</returns>
    public OdooFaultRule Once() => Times(1);

    /// <summary>Lets the first <paramref name="count"/> matching requests through unharmed.</summary>
    /// <param name="count">The count.</param>
    /// <returns>This rule.</returns>
    public OdooFaultRule Skip(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_sync) _skip = count;
        return this;
    }

    /// <summary>Checks the request and counts it; call with the collection's lock held.</summary>
    internal bool TryApply(OdooRecordedRequest request)
    {
        if (_times is { } t && _applied >= t) return false;
        if (_path is not null && _path != request.Path) return false;
        if (_service is not null && _service != request.Service) return false;
        if (_model is not null && _model != request.Model) return false;
        if (_method is not null && _method != request.Method) return false;
        if (_predicate is not null && !_predicate(request)) return false;
        _matched++;
        if (_matched <= _skip) return false;
        _applied++;
        return true;
    }
}
