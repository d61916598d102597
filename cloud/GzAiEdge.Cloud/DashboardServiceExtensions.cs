using GzAiEdge.Cloud.Alerts;
using GzAiEdge.Cloud.Api;
using GzAiEdge.Cloud.Live;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Cloud;

/// <summary>Wiring of the live feed, alerts, the scenario-provider API and the dashboard (issue 6).</summary>
public static class DashboardServiceExtensions
{
    /// <summary>This instance's own, non-shared subscription to all device traffic, and the live streams it feeds.</summary>
    public static IHostApplicationBuilder AddLiveFeed(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<LiveFeedOptions>().BindConfiguration(LiveFeedOptions.Section);
        builder.Services.AddSingleton<DeviceRegistry>();
        builder.Services.AddSingleton<LiveHub>();
        builder.Services.AddSingleton<LiveClient>();
        builder.Services.AddSingleton<LiveMessageHandler>();
        builder.Services.AddHostedService<LiveFeedService>();
        return builder;
    }

    /// <summary>Alert rules, store, evaluation and outlets (config section <c>Alerts</c>).</summary>
    public static IHostApplicationBuilder AddAlerts(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AlertOptions>, AlertOptionsValidator>();
        services.AddSingleton(sp => AlertRulesLoader.Load(sp.GetRequiredService<IOptions<AlertOptions>>().Value.RulesPath));
        services.AddSingleton(sp => new SqliteAlertStore(Path.GetFullPath(sp.GetRequiredService<IOptions<AlertOptions>>().Value.StorePath)));
        services.AddSingleton<AlertPublisher>();
        services.AddSingleton<AlertEngine>();
        services.AddHostedService<AlertClockService>();
        services.AddHostedService<AlertDeliveryService>();
        services.AddHttpClient(AlertDeliveryService.WebhookClient, http => http.Timeout = TimeSpan.FromSeconds(10));
        return builder;
    }

    /// <summary>OpenAPI document at <c>/openapi/v1.json</c>, and 400 problems that name unbindable query values.</summary>
    public static IHostApplicationBuilder AddApiConventions(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi();
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        return builder;
    }

    /// <summary>The scenario-provider API areas, the live stream and the OpenAPI document.</summary>
    public static WebApplication MapProgrammeApi(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapSitesApi();
        app.MapDevicesApi();
        app.MapScenariosApi();
        app.MapKpiSeriesApi();
        app.MapAlertsApi();
        app.MapLiveApi();
        return app;
    }

    /// <summary>
    /// The dashboard's static files (plain ES modules and ECharts, copied to <c>dashboard/</c> beside
    /// the binary at build), served at the root.
    /// </summary>
    public static WebApplication UseDashboard(this WebApplication app)
    {
        var root = Path.Combine(AppContext.BaseDirectory, "dashboard");
        var files = new PhysicalFileProvider(root);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        return app;
    }
}
