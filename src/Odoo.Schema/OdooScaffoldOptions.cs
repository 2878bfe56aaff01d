namespace Odoo.Schema;

/// <summary>How <see cref="OdooScaffolder"/> writes declarations.</summary>
public sealed class OdooScaffoldOptions
{
    /// <summary>
    /// The namespace used when neither <see cref="Namespace"/> is set by the caller nor a project names one
    /// (see <see cref="OdooScaffolder.ProjectNamespace"/>): <c>Models</c>.
    /// </summary>
    public const string DefaultNamespace = "Models";

    /// <summary>
    /// The namespace of the scaffolded records; <see cref="DefaultNamespace"/> by default. Give the
    /// consuming project's namespace (<see cref="OdooScaffolder.ProjectNamespace"/> finds it from the output folder).
    /// </summary>
    public string Namespace { get; set; } = DefaultNamespace;

    /// <summary>
    /// Whether the targets of relations are scaffolded too (transitively, up to <see cref="MaxModels"/>).
    /// Targets that are neither scaffolded nor in <see cref="ExistingRecords"/> get a stub record
    /// (only the fields every model has).
    /// </summary>
    public bool FollowRelations { get; set; }

    /// <summary>The most models scaffolded in full (requested ones included); 50 by default.</summary>
    public int MaxModels { get; set; } = 50;

    /// <summary>
    /// Records that already exist (Odoo model name → C# record type, fully qualified, for example
    /// from another assembly's <c>OdooModelRegistration</c> attributes): relations to these models use
    /// them instead of scaffolding or stubbing the target.
    /// </summary>
    public IDictionary<string, string> ExistingRecords { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Model-name prefixes left out of record names (<c>res.</c> makes <c>res.partner</c> a
    /// <c>Partner</c>); <c>res.</c> and <c>ir.</c> by default.
    /// </summary>
    public IList<string> StripPrefixes { get; } = ["res.", "ir."];

    /// <summary>Field names to leave out; <c>*</c> matches any run of characters (for example <c>message_*</c>).</summary>
    public IList<string> ExcludeFields { get; } = [];

    /// <summary>
    /// Modules whose fields are left out (for example <c>mail</c>, <c>website</c>): a field is left out when
    /// every installed module that defines it (<c>ir.model.fields</c> <c>modules</c>) is in this list. Fields
    /// no module defines (made in the UI: <c>x_</c> fields) are kept. Costs one <c>ir.model.fields</c> read per model.
    /// </summary>
    public IList<string> ExcludeModules { get; } = [];

    /// <summary>
    /// When not empty, only the fields that one of these modules, or <c>base</c>, defines are kept (fields no
    /// module defines are kept too). Costs one <c>ir.model.fields</c> read per model.
    /// </summary>
    public IList<string> OnlyModules { get; } = [];

    /// <summary>Whether <c>monetary</c> fields are <see cref="decimal"/> (the default) rather than <see cref="double"/>.</summary>
    public bool MonetaryAsDecimal { get; set; } = true;

    /// <summary>Where the schema came from (server URL and version), for the files' header comment; none by default.</summary>
    public string? Source { get; set; }
}
