namespace Odoo.Metadata;

/// <summary>
/// Lists one generated <c>[OdooModel]</c> record of an assembly. The generator adds one per record,
/// so tools (a CLI, a schema checker) can enumerate an assembly's models by reading its attributes;
/// the runtime itself never does.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
public sealed class OdooModelRegistrationAttribute : Attribute
{
    /// <summary>Registers <paramref name="recordType"/>.</summary>
    /// <param name="recordType">The generated record type.</param>
    public OdooModelRegistrationAttribute(Type recordType) => RecordType = recordType;

    /// <summary>The generated record type (its static <c>Metadata</c> describes the model).</summary>
    public Type RecordType { get; }
}
