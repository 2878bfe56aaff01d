using Odoo.Managers;
using Odoo.Testing;

namespace Odoo.Runtime.Tests.Managers.Live;

// Declared records: the OdooGen generator implements them (decoder, metadata, relations, manager).

/// <summary>A voucher tier.</summary>
[OdooModel("test.tier")]
public partial record Tier : INamedRecord
{
    /// <summary>The name.</summary>
    public partial string Name { get; }
}

/// <summary>A member.</summary>
[OdooModel("test.member")]
public partial record Member : INamedRecord
{
    /// <summary>The name.</summary>
    public partial string? Name { get; }
}

/// <summary>Voucher states.</summary>
public enum VoucherState
{
    /// <summary>Draft.</summary>
    Draft,
    /// <summary>Active.</summary>
    Active,
    /// <summary>Expired.</summary>
    [OdooSelection("gone")]
    Expired,
}

/// <summary>A voucher.</summary>
[OdooModel("test.voucher")]
public partial record Voucher : ICodedRecord
{
    /// <summary>The unique code.</summary>
    public partial string Code { get; }

    /// <summary>Allowed uses.</summary>
    public partial int AllowedUses { get; }

    /// <summary>Alias of <see cref="AllowedUses"/>.</summary>
    [FieldAlias(nameof(AllowedUses))]
    public partial int Uses { get; }

    /// <summary>The tier.</summary>
    [Many2One("tier_id")]
    public partial Tier? Tier { get; }

    /// <summary>Members.</summary>
    [Many2Many("member_ids")]
    public partial IReadOnlyList<Member> Members { get; }

    /// <summary>State.</summary>
    public partial VoucherState? State { get; }

    /// <summary>Expiry date.</summary>
    public partial DateOnly? Expiry { get; }

    /// <summary>A field renamed on Odoo 13.</summary>
    [OdooFieldVersion("13.0", "kind_v13")]
    public partial string? Kind { get; }
}

internal static class LiveServer
{
    public static async Task<(OdooTestServer Server, OdooClient Client)> StartAsync(string version = "18.0", OdooContext? context = null, bool json2 = false, Action<OdooClientOptions>? configure = null)
    {
        var server = await OdooTestServer.StartAsync(new OdooTestServerOptions { Version = version });
        // The schema comes from the records' generated metadata (field names as on this server's
        // version: kind_v13 on 13.0); the constraints the declarations cannot express are added here.
        server.DefineModel<Voucher>(includeRelated: true, configure: s =>
        {
            switch (s.Name)
            {
                case "test.tier":
                    s.Field("name")!.Required = true;
                    break;
                case "test.voucher":
                    s.Field("code")!.Required = true;
                    s.Field("code")!.Unique = true;
                    break;
            }
        });
        var options = new OdooClientOptions
        {
            Url = server.BaseUrl,
            Database = server.Database,
            Username = server.Username,
            Password = json2 ? null : server.Password,
            ApiKey = json2 ? server.ApiKey : null,
            Protocol = json2 ? OdooProtocol.Json2 : OdooProtocol.Auto,
            Context = context,
        };
        configure?.Invoke(options);
        var client = await OdooClient.ConnectAsync(options);
        server.ClearRequests();
        return (server, client);
    }
}
