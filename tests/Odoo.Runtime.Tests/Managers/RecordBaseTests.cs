using System.Text;
using System.Text.Json;
using Odoo.Domains;
using Odoo.Managers;
using Odoo.Metadata;
using Odoo.Serialization;

namespace Odoo.Runtime.Tests.Managers;

/// <summary>The base record (<see cref="OdooRecord"/>), its base fields and the helpers generated code calls.</summary>
public sealed class RecordBaseTests
{
    private const string CodeRow = """[{"id":7,"code":"C7","create_uid":[2,"Admin"],"write_uid":[2,"Admin"]}]""";
    private const string UserRow = """[{"id":2,"name":"Admin","login":"admin"}]""";

    [Fact]
    public void Id_cannot_be_set_so_with_cannot_move_a_row_to_another_id()
    {
        // `code with { Id = 9 }` would keep this row's fields and relation caches under another id.
        Assert.Null(typeof(OdooRecord).GetProperty(nameof(OdooRecord.Id))!.SetMethod);
    }

    [Fact]
    public async Task The_creating_and_writing_user_load_as_any_record_type_declared_for_res_users()
    {
        var odoo = ScriptedTransport.Client(c => c.Model == "res.users" ? UserRow : CodeRow, out var t);
        var code = await odoo.Manager<ReferralCode>().GetAsync(7);

        var user = await code.LoadCreateUserAsync<User>();
        Assert.IsType<User>(user);
        Assert.Equal("Admin", user!.Name);
        // A second record type used to throw InvalidCastException (one slot shared by every TUser).
        var withLogin = await code.LoadCreateUserAsync<UserWithLogin>();
        Assert.Equal(("Admin", "admin"), (withLogin!.Name, withLogin.Login));
        Assert.Same(user, await code.LoadCreateUserAsync<User>()); // the first type stays cached
        Assert.Equal(3, t.Calls.Count);

        var writer = await code.LoadWriteUserAsync<UserWithLogin>();
        Assert.Same(writer, await code.LoadWriteUserAsync<User>()); // a UserWithLogin is a User: the cached one serves
        Assert.Same(writer, await code.LoadWriteUserAsync<UserWithLogin>());
        Assert.Equal(4, t.Calls.Count);
    }

    [Fact]
    public void The_field_index_uses_the_metadata_base_fields_and_keeps_the_old_user_names()
    {
        // Hand-made metadata without base fields: they come from OdooModelMetadata.BaseFields.
        var bare = new OdooModelMetadata("x.thing", "Tests.Thing", [new OdooFieldMetadata("Name", "name", OdooFieldKind.Char)]);
        var index = OdooFieldIndex.For(bare);
        var createUid = OdooModelMetadata.BaseFields.Single(f => f.RemoteName == "create_uid");
        Assert.Same(createUid, index.Resolve("CreateUid", null).Field);
        Assert.Same(createUid, index.Resolve("CreateUser", null).Field);
        Assert.Equal("CreateUid", index.ToLocal("create_uid", null));
        Assert.Equal("WriteUid", index.ToLocal("write_uid", null));
        Assert.Equal("""[["create_uid","=",2]]""", OdooDomain.Equal("CreateUser", 2).ToJson(bare));
        Assert.Equal("""[["write_uid","=",3]]""", OdooDomain.Equal("WriteUser", 3).ToJson(bare));
        Assert.Equal("""[["create_uid","=",4]]""", OdooDomain.Equal("CreateUid", 4).ToJson(bare));

        // Generated metadata declares the base fields itself; the old names resolve there too.
        Assert.Equal("""[["write_uid","=",5]]""", OdooDomain.Equal("WriteUser", 5).ToJson(ReferralCode.Metadata));
        Assert.Equal("create_date desc", OdooFieldEncoding.EncodeOrder(bare, null, "CreateDate desc"));
    }

    public static TheoryData<string, string?> DateTimes() => new()
    {
        { "\"2024-02-29 23:59:59\"", "2024-02-29T23:59:59.0000000Z" },        // straight from the UTF-8 bytes
        { "\"2024-02-29 23:59:59.250\"", "2024-02-29T23:59:59.2500000Z" },    // fractional seconds: the fallback parser
        { "\"2024\\u002d02-29 23:59:59\"", "2024-02-29T23:59:59.0000000Z" },  // escaped text: the fallback parser
        { "\"2024-02-29\"", "2024-02-29T00:00:00.0000000Z" },
        { "false", null },
        { "null", null },
    };

    [Theory]
    [MemberData(nameof(DateTimes))]
    public void Datetimes_read_the_same_through_the_reader_and_the_generated_code_helper(string json, string? expected)
    {
        var fromReader = Read(json, static (ref Utf8JsonReader r) => OdooJsonReader.ReadNullableDateTime(ref r));
        var fromSupport = Read(json, static (ref Utf8JsonReader r) => OdooRecordSupport.ReadNullableDateTime(ref r));
        Assert.Equal(expected, fromReader?.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(fromReader, fromSupport);
        if (fromReader is { } dt) Assert.Equal(DateTimeKind.Utc, dt.Kind);
        Assert.Equal(fromReader is { } v ? new DateTimeOffset(v, TimeSpan.Zero) : null,
            Read(json, static (ref Utf8JsonReader r) => OdooRecordSupport.ReadNullableDateTimeOffset(ref r)));
    }

    [Theory]
    [InlineData("\"2024-02-29\"", "2024-02-29")]
    [InlineData("\"2024-02-29 10:00:00\"", "2024-02-29")]
    [InlineData("\"2024\\u002d02-29\"", "2024-02-29")]
    [InlineData("false", null)]
    public void Dates_read_the_same_through_the_reader_and_the_generated_code_helper(string json, string? expected)
    {
        var fromReader = Read(json, static (ref Utf8JsonReader r) => OdooJsonReader.ReadNullableDate(ref r));
        Assert.Equal(expected, fromReader?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(fromReader, Read(json, static (ref Utf8JsonReader r) => OdooRecordSupport.ReadNullableDate(ref r)));
    }

    [Theory]
    [InlineData("\"2023-02-29 10:00:00\"")]
    [InlineData("\"not a date\"")]
    [InlineData("12")]
    public void Bad_datetimes_are_protocol_errors(string json) =>
        Assert.ThrowsAny<OdooException>(() => Read(json, static (ref Utf8JsonReader r) => OdooJsonReader.ReadNullableDateTime(ref r)));

    [Fact]
    public async Task A_relation_load_never_posts_to_the_callers_synchronization_context()
    {
        var slot = new OdooRelationSlot<int>();
        var context = new CountingContext();
        var previous = SynchronizationContext.Current;
        ValueTask<int> load;
        SynchronizationContext.SetSynchronizationContext(context);
        try
        {
            load = slot.GetOrLoadAsync(5, static (v, _) => Task.FromResult(v), CancellationToken.None);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
        Assert.Equal(5, await load);
        Assert.Equal(0, context.Posts);
    }

    private delegate T ReadFunc<T>(ref Utf8JsonReader reader);

    private static T Read<T>(string json, ReadFunc<T> read)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return read(ref reader);
    }

    /// <summary>Counts the continuations posted to it (and runs them on the thread pool).</summary>
    internal sealed class CountingContext : SynchronizationContext
    {
        private int _posts;

        public int Posts => Volatile.Read(ref _posts);

        public override void Post(SendOrPostCallback d, object? state)
        {
            Interlocked.Increment(ref _posts);
            ThreadPool.QueueUserWorkItem(_ => d(state));
        }
    }
}
