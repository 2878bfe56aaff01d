using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Odoo;
using Odoo.Testing;

namespace OdooGen.WebSample.Tests;

public sealed class WebSampleTests(OdooTestServers odoo) : IClassFixture<OdooTestServers>
{
    [Fact]
    public async Task Partners_are_searched_in_the_sales_database_with_their_country()
    {
        var belgium = odoo.Sales.Search("res.country", """[["code", "=", "BE"]]""") is [var id, ..] ? id : odoo.Sales.Create("res.country", new { name = "Belgium", code = "BE" });
        odoo.Sales.Seed("res.partner", new { name = "Zeta Shipping", email = "ops@zeta.example", is_company = true, country_id = belgium });
        await using var app = odoo.App();
        using var http = app.CreateClient();

        var partners = await http.GetFromJsonAsync<PartnerDto[]>("/partners?search=zeta");

        var zeta = Assert.Single(partners!);
        Assert.Equal(("Zeta Shipping", "ops@zeta.example", true, "Belgium"), (zeta.Name, zeta.Email, zeta.IsCompany, zeta.Country));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/partners/999999")).StatusCode);
    }

    [Fact]
    public async Task A_partner_is_created_with_its_country_looked_up_by_code_and_an_unknown_code_is_a_400()
    {
        if (odoo.Sales.Search("res.country", """[["code", "=", "LU"]]""").Count == 0) odoo.Sales.Create("res.country", new { name = "Luxembourg", code = "LU" });
        await using var app = odoo.App();
        using var http = app.CreateClient();

        var created = await http.PostAsJsonAsync("/partners", new NewPartner("Kappa Sàrl", "hello@kappa.example", "lu"));
        var unknown = await http.PostAsJsonAsync("/partners", new NewPartner("Nowhere Ltd", null, "XX"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal("Kappa Sàrl", odoo.Sales.GetValue("res.partner", id, "name"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("XX", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, odoo.Sales.Count("res.partner", """[["name", "=", "Nowhere Ltd"]]"""));
    }

    [Fact]
    public async Task The_two_keyed_clients_reach_their_own_database()
    {
        odoo.Archive.Seed("res.partner", new { name = "Archived 1" }, new { name = "Archived 2" });
        await using var app = odoo.App();
        using var http = app.CreateClient();

        var archive = await http.GetFromJsonAsync<JsonElement>("/archive/partners/count");

        Assert.Equal("archive", archive.GetProperty("database").GetString());
        Assert.Equal(odoo.Archive.Count("res.partner"), archive.GetProperty("count").GetInt32());
        var sales = app.Services.GetRequiredKeyedService<OdooClient>("sales");
        var archived = app.Services.GetRequiredKeyedService<OdooClient>("archive");
        Assert.Equal(("sales", "archive"), (sales.Database, archived.Database));
    }

    [Fact]
    public async Task The_health_endpoint_reports_both_databases_and_a_down_archive_degrades_it()
    {
        await using var app = odoo.App();
        using var http = app.CreateClient();
        Assert.Equal("Healthy", await http.GetStringAsync("/health"));

        odoo.Archive.Faults.Add(OdooFault.ServiceUnavailable()).Times(100);
        try
        {
            var degraded = await http.GetAsync("/health");
            var ready = await http.GetAsync("/health/ready");

            Assert.Equal((HttpStatusCode.OK, "Degraded"), (degraded.StatusCode, await degraded.Content.ReadAsStringAsync()));
            Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync()); // readiness checks only the sales database
        }
        finally
        {
            odoo.Archive.Faults.Clear();
        }
    }

    [Fact]
    public async Task A_wrong_sales_password_stops_the_application_at_start_with_the_typed_error()
    {
        await using var app = odoo.App(salesPassword: "not-the-password");

        var denied = Assert.Throws<OdooAccessDeniedException>(() => app.CreateClient());

        Assert.Contains("'sales'", denied.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", denied.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_client_logs_its_connection_and_the_application_its_requests_through_ILogger()
    {
        var logs = new ListLoggerProvider();
        await using var app = odoo.App().WithWebHostBuilder(web => web.ConfigureTestServices(s => s.AddLogging(b => b.AddProvider(logs))));
        using var http = app.CreateClient();

        await http.GetAsync("/partners?search=nothing-matches-this");

        Assert.Contains(logs.Messages, m => m.Category == "Odoo.Client" && m.Text.StartsWith("Connected to Odoo 18.0", StringComparison.Ordinal) && m.Text.Contains("database 'sales'", StringComparison.Ordinal));
        Assert.Contains(logs.Messages, m => m.Category == typeof(PartnerDirectory).FullName && m.Text == "Searched contacts for 'nothing-matches-this': 0 found");
        Assert.DoesNotContain(logs.Messages, m => m.Text.Contains(odoo.Sales.Password, StringComparison.Ordinal));
    }

    private sealed class ListLoggerProvider : ILoggerProvider
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<(string Category, string Text)> _messages = new();

        public IReadOnlyList<(string Category, string Text)> Messages => [.. _messages];

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _messages);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, System.Collections.Concurrent.ConcurrentQueue<(string, string)> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue((category, formatter(state, exception)));
        }
    }
}
