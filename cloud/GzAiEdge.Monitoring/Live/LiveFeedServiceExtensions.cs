using GzAiEdge.Ingestion;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Monitoring.Live;

public static class LiveFeedServiceExtensions
{
    /// <summary>
    /// This instance's own, non-shared subscription to all device traffic (config section <c>LiveFeed</c>), the
    /// device registry it keeps and the live streams it feeds.
    /// </summary>
    public static IHostApplicationBuilder AddLiveFeed(this IHostApplicationBuilder builder)
    {
        // The feed subscribes only once this instance's ingestion holds its shared subscription (IngestionConnection says
        // why), so with ingestion off it would wait for ever: say so at start instead.
        builder.Services.AddOptions<LiveFeedOptions>().BindConfiguration(LiveFeedOptions.Section)
            .Validate<IOptions<IngestionOptions>>((live, ingestion) => !live.Enabled || ingestion.Value.Enabled,
                "LiveFeed:Enabled = true needs Ingestion:Enabled = true (the live feed subscribes behind this instance's ingestion); set LiveFeed:Enabled = false as well")
            .ValidateOnStart();
        builder.Services.AddSingleton<DeviceRegistry>();
        builder.Services.AddSingleton<LiveHub>();
        builder.Services.AddSingleton<ILiveEvents>(sp => sp.GetRequiredService<LiveHub>());
        builder.Services.AddSingleton<LiveClient>();
        builder.Services.AddSingleton<ILivePublisher>(sp => sp.GetRequiredService<LiveClient>());
        builder.Services.AddSingleton<LiveMessageHandler>();
        builder.Services.AddHostedService<LiveFeedService>();
        return builder;
    }
}
