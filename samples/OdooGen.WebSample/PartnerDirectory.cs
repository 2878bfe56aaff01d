using Odoo;
using Odoo.Domains;
using Odoo.Values;

namespace OdooGen.WebSample;

/// <summary>What the API returns for a contact.</summary>
public sealed record PartnerDto(int Id, string? Name, string? Email, bool IsCompany, string? Country);

/// <summary>What the API accepts to create a contact.</summary>
public sealed record NewPartner(string Name, string? Email, string? CountryCode);

/// <summary>
/// The contacts of the sales database. Takes the keyed client itself: it is connected when the host starts
/// (<c>ConnectOnStart()</c> in Program.cs), so resolving this service never waits for Odoo.
/// </summary>
public sealed partial class PartnerDirectory([FromKeyedServices("sales")] OdooClient sales, ILogger<PartnerDirectory> logger)
{
    /// <summary>Contacts whose name contains <paramref name="search"/> (all when empty), by name.</summary>
    public async Task<IReadOnlyList<PartnerDto>> SearchAsync(string? search, int limit, CancellationToken ct)
    {
        var domain = string.IsNullOrWhiteSpace(search) ? OdooDomain.All : OdooDomain.Where("Name", "ilike", search);
        var partners = await sales.Manager<Partner>().SearchAsync(domain, order: "Name", limit: limit, cancellationToken: ct);
        Log.Searched(logger, search ?? "", partners.Count);
        return [.. partners.Select(ToDto)];
    }

    /// <summary>One contact, or <see langword="null"/> when it does not exist.</summary>
    public async Task<PartnerDto?> FindAsync(int id, CancellationToken ct) =>
        await sales.Manager<Partner>().FindAsync(id, cancellationToken: ct) is { } partner ? ToDto(partner) : null;

    /// <summary>Creates a contact; the country is looked up by its code.</summary>
    /// <exception cref="OdooRecordNotFoundException">No country has that code.</exception>
    public async Task<int> CreateAsync(NewPartner partner, CancellationToken ct)
    {
        var values = new OdooValues { ["Name"] = partner.Name, ["Email"] = partner.Email };
        if (partner.CountryCode is { } code)
        {
            values["Country"] = (await sales.Manager<Country>().GetByUniqueFieldAsync("Code", code.ToUpperInvariant(), cancellationToken: ct)).Id;
        }
        var id = await sales.Manager<Partner>().CreateAsync(values, cancellationToken: ct);
        Log.Created(logger, id);
        return id;
    }

    private static PartnerDto ToDto(Partner p) => new(p.Id, p.Name, p.Email, p.IsCompany, p.CountryName);

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Searched contacts for '{Search}': {Count} found")]
        public static partial void Searched(ILogger logger, string search, int count);

        [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Created contact {Id}")]
        public static partial void Created(ILogger logger, int id);
    }
}
