using System.Text;

namespace Odoo;

/// <summary>
/// Odoo answered the call with an error (a JSON-RPC error envelope, or a JSON-2 error status).
/// Subclasses name the common Odoo exception classes.
/// </summary>
public class OdooServerException : OdooException
{
    /// <summary>The longest debug text kept.</summary>
    public const int MaxDebugLength = 2000;

    /// <summary>Creates a server error.</summary>
    /// <param name="exceptionName">Odoo's exception class, for example <c>odoo.exceptions.ValidationError</c>.</param>
    /// <param name="serverMessage">Odoo's message.</param>
    /// <param name="message">The full message (what was asked and what Odoo said).</param>
    /// <param name="innerException">The error as first read, when this one restates it.</param>
    public OdooServerException(string exceptionName, string serverMessage, string message, Exception innerException) : base(message, innerException)
    {
        ExceptionName = exceptionName;
        ServerMessage = serverMessage;
    }

    /// <summary>Creates a server error.</summary>
    /// <param name="exceptionName">Odoo's exception class, for example <c>odoo.exceptions.ValidationError</c>.</param>
    /// <param name="serverMessage">Odoo's message.</param>
    /// <param name="message">The full message (what was asked and what Odoo said).</param>
    public OdooServerException(string exceptionName, string serverMessage, string message) : base(message)
    {
        ExceptionName = exceptionName;
        ServerMessage = serverMessage;
    }

    /// <summary>Odoo's exception class name, for example <c>odoo.exceptions.ValidationError</c>.</summary>
    public string ExceptionName { get; }

    /// <summary>The message Odoo sent, as it sent it.</summary>
    public string ServerMessage { get; }

    /// <summary>The exception arguments Odoo sent, if any: string arguments as sent, other values as their JSON text.</summary>
    public IReadOnlyList<string> Arguments { get => _arguments; init => _arguments = value; }

    /// <summary>Odoo's debug text (a traceback), cut to <see cref="MaxDebugLength"/> characters.</summary>
    public string? Debug { get => _debug; init => _debug = value; }

    /// <summary>The HTTP status of the answer (200 for JSON-RPC errors).</summary>
    public int HttpStatus { get => _httpStatus; init => _httpStatus = value; }

    private IReadOnlyList<string> _arguments = [];
    private string? _debug;
    private int _httpStatus = 200;

    /// <summary>Sets what Odoo sent besides the message, once, where the error is built (<see cref="OdooServerErrors"/>).</summary>
    internal void SetDetails(IReadOnlyList<string> arguments, string? debug, int httpStatus)
    {
        _arguments = arguments;
        _debug = debug;
        _httpStatus = httpStatus;
    }
}
