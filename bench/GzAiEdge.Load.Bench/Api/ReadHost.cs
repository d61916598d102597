using GzAiEdge.Access;
using GzAiEdge.Access.Authorization;
using GzAiEdge.Access.Scoping;
using GzAiEdge.AuditLog;
using GzAiEdge.Scenarios.Catalogue;
using GzAiEdge.Testing;
using GzAiEdge.TimeSeries;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GzAiEdge.Load.Bench.Api;

/// <summary>A web host serving only the latest-KPIs read, with or without the cloud's access layer; stopped on dispose.</summary>
public sealed class ReadHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ReadHost(WebApplication app, Uri address) => (_app, Address) = (app, address);

    public Uri Address { get; }

    public static ScenarioCatalogue Catalogue() => CatalogueLoader.Load(RepoPaths.Combine("firmware-configs", "scenarios", "catalogue.yaml"));

    public static string ProviderOfFirstScenario() => Catalogue().All.First(s => s.Provider is not null).Provider!;

    public static async Task<ReadHost> StartAsync(InfluxDbServer influx, TempFolder folder, bool withAccess)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls(address.ToString());
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["InfluxDb:BaseAddress"] = influx.BaseAddress.ToString(),
            ["InfluxDb:Database"] = influx.Database,
            ["Access:StorePath"] = CloudAccounts.Store(folder),
            ["AuditLog:Path"] = CloudAccounts.AuditLog(folder),
        });
        builder.Services.AddSingleton(Catalogue());
        builder.AddTimeSeries();
        if (withAccess)
        {
            builder.AddAuditLog();
            builder.AddAccess();
        }

        var app = builder.Build();
        if (withAccess)
        {
            app.UseAccess();
            app.UseAuthorization();
        }

        var endpoint = app.MapGet("/api/v1/kpis/latest", async (HttpContext http, KpiReader kpis, CancellationToken cancellationToken) =>
        {
            var rows = await kpis.LatestAsync(null, null, null, cancellationToken);
            if (!withAccess)
            {
                return Results.Ok(rows);
            }

            // As the cloud's KpiApi filters: by the caller's scope, decided from the token.
            var scope = AccessScope.Of(http);
            return Results.Ok(scope.SeesAll ? rows : [.. rows.Where(r => scope.SeesDevice(r.Site, r.Device, r.Scenario))]);
        });
        if (withAccess)
        {
            endpoint.RequireAuthorization(Policies.Viewer);
        }
        else
        {
            endpoint.AllowAnonymous();
        }

        await app.StartAsync();
        return new ReadHost(app, address);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
