using System.Text;

namespace Odoo;

/// <summary>A value Odoo sent does not fit the declared C# type (for example <c>false</c> in a non-nullable many2one).</summary>
public class OdooValueException : OdooException
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">Which field, which value, what was expected.</param>
    /// <param name="innerException">The cause.</param>
    public OdooValueException(string message, Exception? innerException = null) : base(message, innerException) { }
}
