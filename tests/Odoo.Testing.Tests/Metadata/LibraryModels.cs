using System.Text.Json;

namespace Odoo.Testing.Tests.Metadata;

// Small [OdooModel] records: the OdooGen generator implements them and emits their metadata.

/// <summary>A library.</summary>
[OdooModel("x.library")]
public partial record Library
{
    /// <summary>The name.</summary>
    public partial string Name { get; }

    /// <summary>The owner (res.partner, which the server already has).</summary>
    [Many2One("partner_id")]
    public partial Partner? Owner { get; }

    /// <summary>The shelves (x.shelf's library_id points back).</summary>
    [One2Many("shelf_ids")]
    public partial IReadOnlyList<Shelf> Shelves { get; }

    /// <summary>Favourite books (x.book has no many2one to x.library: a many2many).</summary>
    [One2Many("favourite_book_ids")]
    public partial IReadOnlyList<Book> FavouriteBooks { get; }

    /// <summary>Members (x.member has two many2ones to x.library: ambiguous, a many2many).</summary>
    [One2Many("member_ids")]
    public partial IReadOnlyList<Member> Members { get; }
}

/// <summary>A member of a library.</summary>
[OdooModel("x.member")]
public partial record Member
{
    /// <summary>The name.</summary>
    public partial string? Name { get; }

    /// <summary>The library they belong to.</summary>
    [Many2One("library_id")]
    public partial Library? Library { get; }

    /// <summary>The library nearest home.</summary>
    [Many2One("home_library_id")]
    public partial Library? HomeLibrary { get; }
}

/// <summary>A shelf.</summary>
[OdooModel("x.shelf")]
public partial record Shelf
{
    /// <summary>The label.</summary>
    public partial string? Name { get; }

    /// <summary>Whether the shelf is in use.</summary>
    public partial bool Active { get; }

    /// <summary>The library.</summary>
    [Many2One("library_id")]
    public partial Library? Library { get; }

    /// <summary>The books on it.</summary>
    [One2Many("book_ids")]
    public partial IReadOnlyList<Book> Books { get; }
}

/// <summary>Book genres.</summary>
public enum BookGenre
{
    /// <summary>A novel.</summary>
    Novel,
    /// <summary>Science fiction.</summary>
    [OdooSelection("scifi")]
    ScienceFiction,
}

/// <summary>A book.</summary>
[OdooModel("x.book")]
public partial record Book
{
    /// <summary>The title.</summary>
    public partial string Title { get; }

    /// <summary>Alias of <see cref="Title"/>.</summary>
    [FieldAlias(nameof(Title))]
    public partial string Heading { get; }

    /// <summary>The shelf.</summary>
    [Many2One("shelf_id")]
    public partial Shelf? Shelf { get; }

    /// <summary>The genre.</summary>
    public partial BookGenre? Genre { get; }

    /// <summary>Page count.</summary>
    public partial int Pages { get; }

    /// <summary>Price.</summary>
    public partial decimal Price { get; }

    /// <summary>Publication date.</summary>
    public partial DateOnly? Published { get; }

    /// <summary>Last check.</summary>
    public partial DateTime? CheckedAt { get; }

    /// <summary>Free-form data.</summary>
    public partial JsonElement Extra { get; }

    /// <summary>Tags.</summary>
    [Many2Many("tag_ids")]
    public partial IReadOnlyList<Tag> Tags { get; }

    /// <summary>The ISBN, named differently on Odoo 13.</summary>
    [OdooFieldVersion("13.0", "isbn_code")]
    public partial string? Isbn { get; }
}

/// <summary>A book with the fields another team adds (same model).</summary>
[OdooModel]
public partial record AnnotatedBook : Book
{
    /// <summary>A note.</summary>
    public partial string? Note { get; }
}

/// <summary>A tag.</summary>
[OdooModel("x.tag")]
public partial record Tag
{
    /// <summary>The name.</summary>
    public partial string Name { get; }
}

/// <summary>res.partner as the library team sees it.</summary>
[OdooModel("res.partner")]
public partial record Partner
{
    /// <summary>The name.</summary>
    public partial string? Name { get; }

    /// <summary>A field of theirs.</summary>
    public partial string? XMemberCode { get; }

    /// <summary>The company.</summary>
    [Many2One("parent_id")]
    public partial Partner? Parent { get; }
}
