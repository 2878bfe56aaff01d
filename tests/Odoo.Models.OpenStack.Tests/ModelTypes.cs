using System.Reflection;
using Odoo.Metadata;

namespace Odoo.Models.OpenStack.Tests;

/// <summary>Reflection over the model assembly (tests only; the library itself never reflects).</summary>
internal static class ModelTypes
{
    public static Assembly Assembly => typeof(OpenStackOdooClient).Assembly;

    public static IReadOnlyList<Type> Records { get; } =
        [.. Assembly.GetTypes().Where(t => t.GetCustomAttribute<OdooModelAttribute>() is not null).OrderBy(t => t.Name, StringComparer.Ordinal)];

    public static Type Record(string name) =>
        Assembly.GetType("Odoo.Models.OpenStack." + name) ?? throw new InvalidOperationException($"No record type {name}.");

    public static Type? Manager(string name) => Assembly.GetType("Odoo.Models.OpenStack." + name);

    public static OdooModelMetadata Metadata(Type record) =>
        (OdooModelMetadata)typeof(ModelTypes).GetMethod(nameof(MetadataOf), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(record).Invoke(null, null)!;

    private static OdooModelMetadata MetadataOf<T>() where T : OdooRecord, IOdooRecord<T> => T.Metadata;
}
