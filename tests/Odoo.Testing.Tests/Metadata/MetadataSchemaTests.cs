using System.Text.Json.Nodes;
using Odoo.Domains;
using Odoo.Metadata;
using Odoo.Values;

namespace Odoo.Testing.Tests.Metadata;

/// <summary>Schemas from OdooGen's generated metadata: <see cref="OdooModelSchema.FromMetadata(OdooModelMetadata, OdooMetadataSchemaOptions?)"/> and the server's DefineModel(s).</summary>
public sealed class MetadataSchemaTests
{
    private static OdooFieldSchema F(OdooModelSchema schema, string name) =>
        schema.Field(name) ?? throw new Xunit.Sdk.XunitException($"{schema.Name} has no field '{name}': {string.Join(", ", schema.Fields.Select(f => f.Name))}");

    [Fact]
    public void Fields_map_by_kind_without_aliases_or_automatic_fields()
    {
        var book = OdooModelSchema.FromMetadata(Book.Metadata);
        Assert.Equal("x.book", book.Name);
        Assert.Equal("x.book", book.Description);
        Assert.Equal(["title", "shelf_id", "genre", "pages", "price", "published", "checked_at", "extra", "tag_ids", "isbn"], book.Fields.Select(f => f.Name));
        Assert.Equal(OdooFieldType.Char, F(book, "title").Type);
        Assert.Equal(OdooFieldType.Many2One, F(book, "shelf_id").Type);
        Assert.Equal("x.shelf", F(book, "shelf_id").Relation);
        Assert.Equal(OdooFieldType.Selection, F(book, "genre").Type);
        Assert.Equal([new("novel", "Novel"), new("scifi", "ScienceFiction")], F(book, "genre").SelectionValues);
        Assert.Equal(OdooFieldType.Integer, F(book, "pages").Type);
        Assert.Equal(OdooFieldType.Float, F(book, "price").Type);
        Assert.Equal(OdooFieldType.Date, F(book, "published").Type);
        Assert.Equal(OdooFieldType.DateTime, F(book, "checked_at").Type);
        Assert.Equal(OdooFieldType.Json, F(book, "extra").Type);
        Assert.Equal(OdooFieldType.Many2Many, F(book, "tag_ids").Type);
        Assert.Equal("x.tag", F(book, "tag_ids").Relation);
        // Nothing required, unique or read-only unless asked.
        Assert.All(book.Fields, f => Assert.False(f.Required || f.Unique || f.Readonly, f.Name));
    }

    [Fact]
    public void Version_specific_names_use_the_default_name_unless_a_version_is_given()
    {
        Assert.NotNull(OdooModelSchema.FromMetadata(Book.Metadata).Field("isbn"));
        var v13 = OdooModelSchema.FromMetadata(Book.Metadata, new OdooMetadataSchemaOptions { Version = OdooVersion.Parse("13.0") });
        Assert.Null(v13.Field("isbn"));
        Assert.Equal(OdooFieldType.Char, F(v13, "isbn_code").Type);
        var v18 = OdooModelSchema.FromMetadata(Book.Metadata, new OdooMetadataSchemaOptions { Version = OdooVersion.Parse("18.0") });
        Assert.NotNull(v18.Field("isbn"));
    }

    [Fact]
    public void One2many_mirrors_the_single_many2one_back_else_becomes_many2many()
    {
        var shelf = OdooModelSchema.FromMetadata(Shelf.Metadata);
        Assert.Equal(OdooFieldType.One2Many, F(shelf, "book_ids").Type);
        Assert.Equal("x.book", F(shelf, "book_ids").Relation);
        Assert.Equal("shelf_id", F(shelf, "book_ids").InverseName);

        var library = OdooModelSchema.FromMetadata(Library.Metadata);
        Assert.Equal(("x.shelf", "library_id"), (F(library, "shelf_ids").Relation, F(library, "shelf_ids").InverseName));
        // No many2one back (x.book) and two of them (x.member): a one2many without an inverse (a plain id list).
        Assert.Equal((OdooFieldType.One2Many, "x.book", (string?)null), (F(library, "favourite_book_ids").Type, F(library, "favourite_book_ids").Relation, F(library, "favourite_book_ids").InverseName));
        Assert.Equal((OdooFieldType.One2Many, "x.member", (string?)null), (F(library, "member_ids").Type, F(library, "member_ids").Relation, F(library, "member_ids").InverseName));
    }

    [Fact]
    public async Task A_one2many_without_an_inverse_keeps_its_ids_and_reports_one2many()
    {
        await using var server = await OdooTestServer.StartAsync();
        server.DefineModel<Library>(includeRelated: true);
        var books = server.Seed("x.book", new { title = "Dune" }, new { title = "Emma" });
        var library = server.Create("x.library", new { name = "Central", favourite_book_ids = books, member_ids = new object[] { new object[] { 0, 0, new { name = "Ann" } } } });
        Assert.Equal(books, (int[])server.GetValue("x.library", library, "favourite_book_ids")!);
        var ann = Assert.Single((int[])server.GetValue("x.library", library, "member_ids")!);
        Assert.Equal("Ann", server.GetValue("x.member", ann, "name"));
        server.Write("x.library", [library], new { favourite_book_ids = new object[] { new object[] { 3, books[0] } } });
        Assert.Equal([books[1]], (int[])server.GetValue("x.library", library, "favourite_book_ids")!);

        using var http = Rpc.Client(server);
        var fields = await Rpc.CallAsync(http, server, "x.library", "fields_get", new JsonArray(), new JsonObject { ["attributes"] = new JsonArray("type", "relation") });
        Assert.Equal("one2many", (string)fields!["favourite_book_ids"]!["type"]!);
        Assert.Equal("x.book", (string)fields["favourite_book_ids"]!["relation"]!);
    }

    [Fact]
    public void Active_defaults_to_true_and_the_name_field_is_the_record_name()
    {
        var shelf = OdooModelSchema.FromMetadata(Shelf.Metadata);
        Assert.Equal(OdooFieldType.Boolean, F(shelf, "active").Type);
        Assert.Equal(true, F(shelf, "active").Default);
        Assert.Null(F(OdooModelSchema.FromMetadata(Tag.Metadata), "name").Default);
    }

    [Fact]
    public async Task Binary_json_and_relations_without_a_target_model()
    {
        // Hand-written metadata, as a tool could build it: kinds the generator maps no C# type to.
        var model = new OdooModelMetadata("x.file", "X.File",
        [
            .. OdooModelMetadata.BaseFields,
            new("Data", "data", OdooFieldKind.Binary),
            new("Payload", "payload", OdooFieldKind.Json),
            new("RefIds", "ref_ids", OdooFieldKind.Many2Many),
            new("Kind", "kind", OdooFieldKind.Selection),
            new("Old", "old", OdooFieldKind.Char) { AliasOf = "Data" },
        ]);
        var schema = OdooModelSchema.FromMetadata(model);
        Assert.Equal(["data", "payload", "ref_ids", "kind"], schema.Fields.Select(f => f.Name));
        Assert.Equal(OdooFieldType.Binary, F(schema, "data").Type);
        Assert.Equal(OdooFieldType.Json, F(schema, "payload").Type);
        Assert.Equal(OdooFieldType.Many2Many, F(schema, "ref_ids").Type);
        Assert.Null(F(schema, "ref_ids").Relation);
        Assert.Equal(OdooFieldType.Selection, F(schema, "kind").Type);
        Assert.Empty(F(schema, "kind").SelectionValues); // any key accepted

        await using var server = await OdooTestServer.StartAsync();
        server.DefineModels(model);
        var id = server.Create("x.file", new { data = "AQID", payload = new { a = 1 }, ref_ids = new[] { 4, 5 }, kind = "anything" });
        Assert.Equal([4, 5], (int[])server.GetValue("x.file", id, "ref_ids")!);
        Assert.Equal("AQID", server.GetValue("x.file", id, "data"));
    }

    [Fact]
    public void Require_non_nullable_marks_fields_that_could_otherwise_read_false()
    {
        var book = OdooModelSchema.FromMetadata(Book.Metadata, new OdooMetadataSchemaOptions { RequireNonNullable = true });
        Assert.Equal(["title"], book.Fields.Where(f => f.Required).Select(f => f.Name));
    }

    [Fact]
    public void Records_of_one_model_are_merged()
    {
        var schemas = OdooModelSchema.FromMetadata([Book.Metadata, Tag.Metadata, AnnotatedBook.Metadata]);
        Assert.Equal(["x.book", "x.tag"], schemas.Select(s => s.Name));
        Assert.Equal(["title", "shelf_id", "genre", "pages", "price", "published", "checked_at", "extra", "tag_ids", "isbn", "note"], schemas[0].Fields.Select(f => f.Name));
        // A derived record alone has its base's fields too.
        Assert.Equal(schemas[0].Fields.Select(f => f.Name), OdooModelSchema.FromMetadata(AnnotatedBook.Metadata).Fields.Select(f => f.Name));
    }

    [Fact]
    public async Task DefineModel_defines_only_the_record_model_unless_related_are_asked_for()
    {
        await using var server = await OdooTestServer.StartAsync();
        server.DefineModel<Book>();
        Assert.Equal(["ir.actions.report", "ir.model.data", "res.country", "res.partner", "res.partner.category", "res.users", "x.book"], server.Models);

        await using var other = await OdooTestServer.StartAsync();
        other.DefineModel<Book>(includeRelated: true);
        Assert.Equal(["ir.actions.report", "ir.model.data", "res.country", "res.partner", "res.partner.category", "res.users", "x.book", "x.library", "x.member", "x.shelf", "x.tag"], other.Models);
        // res.partner (a target of x.library) was already there: left as it was.
        Assert.Null(other.GetSchema("res.partner")!.Field("x_member_code"));
        Assert.NotNull(other.GetSchema("res.partner")!.Field("child_ids"));
    }

    [Fact]
    public async Task A_defined_model_is_extended_not_replaced()
    {
        await using var server = await OdooTestServer.StartAsync();
        var company = server.Create("res.partner", new { name = "Acme", is_company = true });
        server.DefineModels(Partner.Metadata);
        var partner = server.GetSchema("res.partner")!;
        Assert.Equal(OdooFieldType.Char, F(partner, "x_member_code").Type);
        Assert.NotNull(partner.Field("email"));
        Assert.Equal("name, id desc", partner.Order);
        // Records, the display name and the one2many of the built-in model survive.
        var id = server.Create("res.partner", new { name = "Jane", parent_id = company, x_member_code = "M-1" });
        Assert.Equal("Acme, Jane", server.Read("res.partner", [id], "display_name")[0]!["display_name"]!.GetValue<string>());
        Assert.Equal([id], (int[])server.GetValue("res.partner", company, "child_ids")!);
        Assert.Equal("M-1", server.GetValue("res.partner", id, "x_member_code"));
    }

    [Fact]
    public async Task Configure_adjusts_each_schema_before_it_is_defined()
    {
        await using var server = await OdooTestServer.StartAsync();
        var seen = new List<string>();
        server.DefineModel<Shelf>(includeRelated: true, configure: s =>
        {
            seen.Add(s.Name);
            if (s.Name == "x.book") s.Field("title")!.Unique = true;
            if (s.Name == "x.tag") s.Add(new OdooFieldSchema("size", OdooFieldType.Integer) { Compute = r => r.GetString("name")?.Length });
        });
        Assert.Equal(["x.book", "x.library", "x.member", "x.shelf", "x.tag"], seen.Order(StringComparer.Ordinal));
        server.Create("x.book", new { title = "Dune" });
        var e = Assert.Throws<OdooServerError>(() => server.Create("x.book", new { title = "Dune" }));
        Assert.Equal("odoo.exceptions.ValidationError", e.Name);
        var tag = server.Create("x.tag", new { name = "classic" });
        Assert.Equal(7L, server.GetValue("x.tag", tag, "size"));
    }

    [Fact]
    public async Task The_server_version_chooses_field_names()
    {
        await using var server = await OdooTestServer.StartAsync(new OdooTestServerOptions { Version = "13.0" });
        server.DefineModel<Book>();
        Assert.NotNull(server.GetSchema("x.book")!.Field("isbn_code"));
        Assert.Null(server.GetSchema("x.book")!.Field("isbn"));
        // An explicit version wins.
        server.DefineModels([Tag.Metadata, Book.Metadata], options: new OdooMetadataSchemaOptions { Version = OdooVersion.Parse("18.0") });
        Assert.NotNull(server.GetSchema("x.book")!.Field("isbn"));
    }

    [Fact]
    public async Task DefineModels_of_an_assembly_defines_its_registered_records()
    {
        await using var server = await OdooTestServer.StartAsync();
        server.DefineModels(typeof(Book).Assembly);
        Assert.Equal(["ir.actions.report", "ir.model.data", "res.country", "res.partner", "res.partner.category", "res.users", "x.book", "x.library", "x.member", "x.shelf", "x.tag"], server.Models);
        Assert.NotNull(server.GetSchema("x.book")!.Field("note")); // AnnotatedBook merged into x.book
        Assert.NotNull(server.GetSchema("res.partner")!.Field("x_member_code"));
    }

    [Fact]
    public async Task The_typed_client_reads_and_writes_a_schema_defined_from_its_records()
    {
        await using var server = await OdooTestServer.StartAsync();
        // x.book from Book (a relation target) and AnnotatedBook (asked for), merged.
        server.DefineModels([Library.Metadata, AnnotatedBook.Metadata], includeRelated: true);
        var owner = server.Create("res.partner", new { name = "City" });
        var library = server.Create("x.library", new { name = "Central", partner_id = owner });
        var shelf = server.Create("x.shelf", new { name = "A", library_id = library });
        server.Create("x.shelf", new { name = "Old", library_id = library, active = false });
        var tag = server.Create("x.tag", new { name = "classic" });
        server.Seed("x.book",
            new { title = "Dune", shelf_id = shelf, genre = "scifi", pages = 412, price = 9.5, published = "1965-08-01", tag_ids = new[] { tag }, extra = new { signed = true } },
            new { title = "Emma", shelf_id = shelf, genre = "novel" });

        await using var client = await OdooClient.ConnectAsync(new OdooClientOptions
        {
            Url = server.BaseUrl,
            Database = server.Database,
            Username = server.Username,
            Password = server.Password,
        });
        var books = await client.Manager<Book>().SearchAsync(OdooDomain.Where("Genre", "=", BookGenre.ScienceFiction));
        var dune = Assert.Single(books);
        Assert.Equal(("Dune", 412, 9.5m, new DateOnly(1965, 8, 1)), (dune.Title, dune.Pages, dune.Price, dune.Published!.Value));
        Assert.Equal([tag], dune.TagIds);
        Assert.True(dune.Extra.GetProperty("signed").GetBoolean());
        Assert.Equal(shelf, dune.ShelfId);

        var shelves = await client.Manager<Shelf>().SearchAsync();
        var a = Assert.Single(shelves); // the archived shelf is filtered out (active defaults to true)
        Assert.Equal(2, a.BookIds.Count);
        Assert.Equal(library, a.LibraryId);

        var created = await client.Manager<AnnotatedBook>().CreateAsync(new OdooValues { ["Title"] = "Persuasion", ["Note"] = "signed", ["Shelf"] = shelf });
        Assert.Equal("signed", server.GetValue("x.book", created, "note"));
        Assert.Equal(3, ((JsonArray)server.Read("x.shelf", [shelf], "book_ids")[0]!["book_ids"]!).Count);
    }
}
