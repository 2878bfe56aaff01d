using Microsoft.Extensions.Diagnostics.HealthChecks;
using Odoo;
using Odoo.Extensions.DependencyInjection;
using OdooGen.WebSample;

var builder = WebApplication.CreateBuilder(args);

// Two Odoo databases, one keyed client each (appsettings.json: "Odoo:Sales" and "Odoo:Archive").
// The sales client connects when the host starts: a wrong password stops the start with the typed error.
builder.Services.AddKeyedOdooClient("sales", builder.Configuration.GetSection("Odoo:Sales")).ConnectOnStart();
builder.Services.AddKeyedOdooClient("archive", builder.Configuration.GetSection("Odoo:Archive"));
builder.Services.AddHealthChecks()
    .AddOdooClient("sales", tags: ["ready"])
    .AddOdooClient("archive", failureStatus: HealthStatus.Degraded); // the app still serves without its archive
builder.Services.AddSingleton<PartnerDirectory>();

var app = builder.Build();

app.MapGet("/partners", (string? search, int? limit, PartnerDirectory directory, CancellationToken ct) =>
    directory.SearchAsync(search, limit ?? 50, ct));

app.MapGet("/partners/{id:int}", async (int id, PartnerDirectory directory, CancellationToken ct) =>
    await directory.FindAsync(id, ct) is { } partner ? Results.Ok(partner) : Results.NotFound());

app.MapPost("/partners", async (NewPartner partner, PartnerDirectory directory, CancellationToken ct) =>
{
    try
    {
        var id = await directory.CreateAsync(partner, ct);
        return Results.Created($"/partners/{id}", new { id });
    }
    catch (OdooRecordNotFoundException)
    {
        return Results.ValidationProblem(new Dictionary<string, string[]> { ["countryCode"] = [$"No country has the code '{partner.CountryCode}'."] });
    }
    catch (OdooValidationException ex)
    {
        // Odoo refused the values (a constraint): its message is meant for users.
        return Results.ValidationProblem(new Dictionary<string, string[]> { [""] = [ex.ServerMessage] });
    }
});

// The archive database through its provider: the endpoint awaits the connection (the archive does not connect at start).
app.MapGet("/archive/partners/count", async ([FromKeyedServices("archive")] IOdooClientProvider archive, CancellationToken ct) =>
{
    var odoo = await archive.GetClientAsync(ct);
    return new { database = odoo.Database, count = await odoo.Manager<Partner>().CountAsync(cancellationToken: ct) };
});

app.MapHealthChecks("/health");
app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") });

app.Run();

/// <summary>The entry point, public for <c>WebApplicationFactory&lt;Program&gt;</c> in the tests.</summary>
public partial class Program;
