using System.Text.Json;
using Odoo;
using Odoo.Models.OpenStack;
using Odoo.Serialization;
using OdooGen.Benchmarks.Support;

namespace OdooGen.Benchmarks.Scenarios;

/// <summary>
/// A recorded JSON-RPC <c>search_read</c> answer of 5,000 referral codes (every field, as
/// <c>SearchAsync()</c> asks for them), decoded by the generated decoder and by System.Text.Json.
/// </summary>
public sealed class DecodeScenario
{
    private DecodeScenario(byte[] body) => Body = body;

    /// <summary>The answer body as the server sent it.</summary>
    public byte[] Body { get; }

    public static async Task<DecodeScenario> RecordAsync(int count = 5_000)
    {
        await using var server = await BenchOdoo.StartAsync(count);
        var recorder = new RecordingHandler();
        await using var odoo = await BenchOdoo.ConnectAsync(server, recorder);
        var codes = await odoo.ReferralCodes.SearchAsync(order: "id");
        if (codes.Count != count) throw new InvalidOperationException($"Recorded {codes.Count} codes, expected {count}.");
        var scenario = new DecodeScenario(recorder.LastResponseBody!);
        scenario.Check(count);
        return scenario;
    }

    /// <summary>
    /// What the client does with a body (minus the HTTP read): walk the envelope to <c>result</c> and
    /// decode it with <see cref="OdooJsonReader.ReadRecords{T}"/>, the client's own list decoder.
    /// </summary>
    public List<ReferralCode> Ours()
    {
        var reader = new Utf8JsonReader(Body);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isResult = reader.ValueTextEquals("result"u8);
            reader.Read();
            if (isResult) return OdooJsonReader.ReadRecords<ReferralCode>(ref reader, OdooRecordSource.Detached);
            reader.Skip();
        }
        throw new InvalidOperationException("No result in the body.");
    }

    /// <summary>The floor: System.Text.Json source-generated deserialization of the whole envelope.</summary>
    public List<ReferralCodeDto> Floor() =>
        JsonSerializer.Deserialize(Body, FloorJsonContext.Default.JsonRpcResponseListReferralCodeDto)!.Result!;

    /// <summary>Both sides decode the same values.</summary>
    public void Check(int count)
    {
        var ours = Ours();
        var floor = Floor();
        if (ours.Count != count || floor.Count != count) throw new InvalidOperationException("Wrong record count.");
        for (var i = 0; i < count; i++)
        {
            var a = ours[i];
            var b = floor[i];
            if (a.Id != b.Id || a.Code != b.Code || a.Name != b.Name || a.AllowedUses != b.AllowedUses
                || a.BeforeRewardUsageThreshold != b.BeforeRewardUsageThreshold || a.ReferralCreditTypeId != b.ReferralCreditType.Id
                || a.ReferralCreditTypeName != b.ReferralCreditType.Name || a.RewardCreditTypeId != b.RewardCreditType.Id
                || a.RewardCreditDuration != b.RewardCreditDuration || a.ReferralIds.Count != b.Referrals!.Length
                || a.CreateDate != b.CreateDate || a.WriteUid != b.WriteUid.Id || a.DisplayName != b.DisplayName)
            {
                throw new InvalidOperationException($"Record {i} differs: {a} vs {JsonSerializer.Serialize(b.Id)}");
            }
        }
    }

    /// <summary>Facts about the body, for the report.</summary>
    public string Describe()
    {
        var text = System.Text.Encoding.UTF8.GetString(Body);
        var start = text.IndexOf("[{", StringComparison.Ordinal);
        var end = text.IndexOf("},{", start, StringComparison.Ordinal);
        return $"{Body.Length:N0} bytes; first row: {text[(start + 1)..(end + 1)]}; contains false: {text.Contains(":false", StringComparison.Ordinal)}";
    }
}
