using System.Text;

namespace Odoo;

/// <summary>
/// Base of every error the Odoo client raises. Messages say what was asked (model, method and
/// ids where known) and never contain a password or API key.
/// </summary>
public class OdooException : Exception
{
    /// <summary>Creates an error with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public OdooException(string message) : base(message) { }

    /// <summary>Creates an error with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public OdooException(string message, Exception? innerException) : base(message, innerException) { }

    /// <summary>The model of the call that failed, when known.</summary>
    public string? Model { get => _model; init => _model = value; }

    /// <summary>The method of the call that failed, when known.</summary>
    public string? Method { get => _method; init => _method = value; }

    /// <summary>The record ids of the call that failed, when known.</summary>
    public IReadOnlyList<int>? Ids { get => _ids; init => _ids = value; }

    private string? _model;
    private string? _method;
    private IReadOnlyList<int>? _ids;

    /// <summary>Sets the call that failed, once, where the error is built (<see cref="OdooServerErrors"/>).</summary>
    internal void SetCall(string? model, string? method, IReadOnlyList<int>? ids)
    {
        _model = model;
        _method = method;
        _ids = ids;
    }

    /// <summary>Formats "model.method(ids)" for messages.</summary>
    /// <param name="model">The model name.</param>
    /// <param name="method">The method name.</param>
    /// <param name="ids">The ids, if any (at most 20 are shown).</param>
    protected internal static string DescribeCall(string? model, string? method, IReadOnlyList<int>? ids)
    {
        if (model is null && method is null) return "the call";
        var sb = new StringBuilder();
        sb.Append(model ?? "?").Append('.').Append(method ?? "?");
        if (ids is { Count: > 0 })
        {
            sb.Append('(');
            for (var i = 0; i < ids.Count && i < 20; i++)
            {
                if (i > 0) sb.Append(", ");
                sb.Append(ids[i]);
            }
            if (ids.Count > 20) sb.Append(", ... ").Append(ids.Count - 20).Append(" more");
            sb.Append(')');
        }
        return sb.ToString();
    }
}
