using Microsoft.Extensions.Logging.Abstractions;
using Odoo;
using Odoo.Testing;

namespace OdooGen.WebSample.Tests;

/// <summary>
/// The unit-test pattern (docs/testing.md): the service under test gets a real client connected to an
/// in-memory Odoo seeded for the test; the test asserts on the result and on the server's request log.
/// No mock, no host.
/// </summary>
public sealed class PartnerDirectoryTests : IAsyncLifetime
{
    private OdooTestServer _server = null!;
    private OdooClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await OdooTestServer.StartAsync();
        _client = await OdooClient.ConnectAsync(new OdooClientOptions
        {
            Url = _server.BaseUrl, Database = _server.Database, Username = _server.Username, Password = _server.Password,
            MaxReadRetries = 0,
        });
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _server.DisposeAsync();
    }

    private PartnerDirectory Directory() => new(_client, NullLogger<PartnerDirectory>.Instance);

    [Fact]
    public async Task A_search_is_one_search_read_with_the_name_filter_and_the_limit()
    {
        _server.Seed("res.partner", new { name = "Omega Labs" }, new { name = "Omega Foods" }, new { name = "Alpha" });
        _server.ClearRequests();

        var found = await Directory().SearchAsync("omega", limit: 1, CancellationToken.None);

        Assert.Equal("Omega Foods", Assert.Single(found).Name); // ordered by name
        var request = Assert.Single(_server.Requests, r => r.Model == "res.partner");
        Assert.Equal("search_read", request.Method);
    }

    [Fact]
    public async Task Creating_with_an_unknown_country_code_creates_nothing()
    {
        var before = _server.Count("res.partner");

        await Assert.ThrowsAsync<OdooRecordNotFoundException>(() => Directory().CreateAsync(new NewPartner("Nowhere", null, "ZZ"), CancellationToken.None));

        Assert.Equal(before, _server.Count("res.partner"));
        Assert.Equal(0, _server.CountCalls("res.partner", "create"));
    }

    [Fact]
    public async Task Odoo_being_down_reaches_the_caller_as_the_typed_error()
    {
        _server.Faults.Add(OdooFault.ServiceUnavailable()).For(model: "res.partner").Once();

        await Assert.ThrowsAsync<OdooServerUnavailableException>(() => Directory().SearchAsync(null, 10, CancellationToken.None));
    }
}
