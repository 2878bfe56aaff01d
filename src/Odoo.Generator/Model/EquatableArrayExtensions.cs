using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace Odoo.Generator.Model;

/// <summary>Builds <see cref="EquatableArray{T}"/>s.</summary>
internal static class EquatableArrayExtensions
{
    public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items) where T : IEquatable<T> =>
        new(ImmutableArray.CreateRange(items));
}
