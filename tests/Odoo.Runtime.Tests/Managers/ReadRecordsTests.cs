using System.Text;
using System.Text.Json;
using Odoo.Serialization;

namespace Odoo.Runtime.Tests.Managers;

/// <summary><see cref="OdooJsonReader.ReadRecords{T}"/>: the client's list decoder, public for offline decoding.</summary>
public sealed class ReadRecordsTests
{
    [Fact]
    public void A_search_read_result_decodes_in_order_and_leaves_the_reader_on_the_array_end()
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes("""[[{"id":3,"name":"Cash"},{"id":1,"name":false}], 42]"""));
        reader.Read();
        reader.Read();
        var types = OdooJsonReader.ReadRecords<CreditType>(ref reader, OdooRecordSource.Detached);
        Assert.Equal([(3, "Cash"), (1, null)], types.Select(t => (t.Id, t.Name)));
        Assert.Equal(JsonTokenType.EndArray, reader.TokenType);
        Assert.True(reader.Read());
        Assert.Equal(42, reader.GetInt32());
    }

    [Fact]
    public void An_empty_list_decodes_to_no_records()
    {
        var reader = new Utf8JsonReader("[]"u8);
        reader.Read();
        Assert.Empty(OdooJsonReader.ReadRecords<CreditType>(ref reader, OdooRecordSource.Detached));
    }

    [Theory]
    [InlineData("""{"id":1}""", "a list of records")]
    [InlineData("""[1, 2]""", "a record object")]
    public void Anything_but_a_list_of_objects_is_a_protocol_error(string json, string expected)
    {
        var ex = Assert.Throws<OdooProtocolException>(() =>
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
            reader.Read();
            return OdooJsonReader.ReadRecords<CreditType>(ref reader, OdooRecordSource.Detached);
        });
        Assert.Contains(expected, ex.Message);
    }
}
