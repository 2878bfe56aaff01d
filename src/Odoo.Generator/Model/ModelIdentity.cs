namespace Odoo.Generator.Model;

/// <summary>What the duplicate-model check needs of each record.</summary>
internal sealed record ModelIdentity(string ModelName, string DisplayName, bool ExtendsBase, string ClientProperty, string Namespace, LocationInfo? Location);
