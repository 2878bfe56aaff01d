namespace Odoo.Testing;

/// <summary>
/// How <see cref="OdooModelSchema.FromMetadata(Odoo.Metadata.OdooModelMetadata, OdooMetadataSchemaOptions?)"/>
/// and <see cref="OdooTestServer.DefineModels(IEnumerable{Odoo.Metadata.OdooModelMetadata}, bool, Action{OdooModelSchema}?, OdooMetadataSchemaOptions?)"/>
/// turn generated model metadata into a server schema.
/// </summary>
public sealed class OdooMetadataSchemaOptions
{
    /// <summary>
    /// The Odoo version whose field names are used, for fields renamed across versions
    /// (<c>[OdooFieldVersion]</c>, matched by major.minor). <see langword="null"/> uses each field's
    /// default Odoo name with <see cref="OdooModelSchema.FromMetadata(Odoo.Metadata.OdooModelMetadata, OdooMetadataSchemaOptions?)"/>,
    /// and the server's own <see cref="OdooTestServer.Version"/> with <see cref="OdooTestServer"/>'s
    /// <c>DefineModel</c>/<c>DefineModels</c>.
    /// </summary>
    public OdooVersion? Version { get; init; }

    /// <summary>
    /// Whether fields declared with a non-nullable type that Odoo could otherwise answer with
    /// <c>false</c> (strings, dates, date-times, selections, many2ones, binaries) are made
    /// <see cref="OdooFieldSchema.Required"/>, as a server matching the declarations exactly would
    /// have them. False by default: no field is required, so tests need not fill every field.
    /// </summary>
    public bool RequireNonNullable { get; init; }
}
