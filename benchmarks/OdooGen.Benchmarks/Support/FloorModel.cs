using System.Text.Json;
using System.Text.Json.Serialization;

namespace OdooGen.Benchmarks.Support;

/// <summary>
/// The floor: a plain class with the same fields as <c>ReferralCode</c> (base fields included),
/// deserialized by System.Text.Json's source generator. Odoo's wire format needs three small
/// converters for a fair comparison: <c>false</c> for an empty string, <c>[id, name]</c> pairs (or
/// <c>false</c>) for many2one values, and Odoo's <c>"yyyy-MM-dd HH:mm:ss"</c> datetimes. The
/// many2one is a struct, so the floor allocates no more objects per pair than the generated decoder.
/// </summary>
public sealed class ReferralCodeDto
{
    [JsonPropertyName("id")] public int Id { get; set; }
    [JsonPropertyName("display_name")][JsonConverter(typeof(OdooStringConverter))] public string? DisplayName { get; set; }
    [JsonPropertyName("create_date")][JsonConverter(typeof(OdooDateTimeConverter))] public DateTime? CreateDate { get; set; }
    [JsonPropertyName("create_uid")][JsonConverter(typeof(Many2OneConverter))] public Many2One CreateUid { get; set; }
    [JsonPropertyName("write_date")][JsonConverter(typeof(OdooDateTimeConverter))] public DateTime? WriteDate { get; set; }
    [JsonPropertyName("write_uid")][JsonConverter(typeof(Many2OneConverter))] public Many2One WriteUid { get; set; }
    [JsonPropertyName("code")][JsonConverter(typeof(OdooStringConverter))] public string? Code { get; set; }
    [JsonPropertyName("allowed_uses")] public int AllowedUses { get; set; }
    [JsonPropertyName("before_reward_usage_threshold")] public double BeforeRewardUsageThreshold { get; set; }
    [JsonPropertyName("name")][JsonConverter(typeof(OdooStringConverter))] public string? Name { get; set; }
    [JsonPropertyName("referrals")] public int[]? Referrals { get; set; }
    [JsonPropertyName("referral_credit_amount")] public double ReferralCreditAmount { get; set; }
    [JsonPropertyName("referral_credit_duration")] public int ReferralCreditDuration { get; set; }
    [JsonPropertyName("referral_credit_type")][JsonConverter(typeof(Many2OneConverter))] public Many2One ReferralCreditType { get; set; }
    [JsonPropertyName("reward_credit_amount")] public double RewardCreditAmount { get; set; }
    [JsonPropertyName("reward_credit_duration")] public int RewardCreditDuration { get; set; }
    [JsonPropertyName("reward_credit_type")][JsonConverter(typeof(Many2OneConverter))] public Many2One RewardCreditType { get; set; }
}

/// <summary>An Odoo many2one value: <c>[id, "name"]</c>, or <c>false</c> (<see cref="Id"/> 0).</summary>
public readonly record struct Many2One(int Id, string? Name);

/// <summary>The JSON-RPC answer envelope.</summary>
public sealed class JsonRpcResponse<T>
{
    [JsonPropertyName("jsonrpc")] public string? JsonRpc { get; set; }
    [JsonPropertyName("id")] public long Id { get; set; }
    [JsonPropertyName("result")] public T? Result { get; set; }
}

[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Default)]
[JsonSerializable(typeof(JsonRpcResponse<List<ReferralCodeDto>>))]
public sealed partial class FloorJsonContext : JsonSerializerContext;

/// <summary><c>false</c> (Odoo's empty value) or a string.</summary>
public sealed class OdooStringConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.False or JsonTokenType.Null => null,
        _ => throw new JsonException("Expected a string or false."),
    };

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null) writer.WriteBooleanValue(false); else writer.WriteStringValue(value);
    }
}

/// <summary><c>[id, "name"]</c> or <c>false</c>.</summary>
public sealed class Many2OneConverter : JsonConverter<Many2One>
{
    public override Many2One Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType is JsonTokenType.False or JsonTokenType.Null) return default;
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("Expected [id, name] or false.");
        reader.Read();
        var id = reader.GetInt32();
        reader.Read();
        var name = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        reader.Read();
        if (reader.TokenType != JsonTokenType.EndArray) throw new JsonException("Expected the end of [id, name].");
        return new Many2One(id, name);
    }

    public override void Write(Utf8JsonWriter writer, Many2One value, JsonSerializerOptions options)
    {
        if (value.Id == 0) { writer.WriteBooleanValue(false); return; }
        writer.WriteStartArray();
        writer.WriteNumberValue(value.Id);
        writer.WriteStringValue(value.Name);
        writer.WriteEndArray();
    }
}

/// <summary>Odoo's <c>"yyyy-MM-dd HH:mm:ss"</c> (UTC) or <c>false</c>, parsed from the UTF-8 bytes without a string.</summary>
public sealed class OdooDateTimeConverter : JsonConverter<DateTime?>
{
    public override bool HandleNull => true;

    public override DateTime? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType is JsonTokenType.False or JsonTokenType.Null) return null;
        if (reader.TokenType != JsonTokenType.String || reader.HasValueSequence || reader.ValueSpan.Length < 19) throw new JsonException("Expected an Odoo datetime.");
        var s = reader.ValueSpan;
        static int D(ReadOnlySpan<byte> s, int at, int n)
        {
            var v = 0;
            for (var i = at; i < at + n; i++)
            {
                var d = s[i] - (byte)'0';
                if ((uint)d > 9) throw new JsonException("Expected an Odoo datetime.");
                v = (v * 10) + d;
            }
            return v;
        }
        return new DateTime(D(s, 0, 4), D(s, 5, 2), D(s, 8, 2), D(s, 11, 2), D(s, 14, 2), D(s, 17, 2), DateTimeKind.Utc);
    }

    public override void Write(Utf8JsonWriter writer, DateTime? value, JsonSerializerOptions options)
    {
        if (value is { } v) writer.WriteStringValue(v.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
        else writer.WriteBooleanValue(false);
    }
}
