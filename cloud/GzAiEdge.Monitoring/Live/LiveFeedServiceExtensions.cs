using GzAiEdge.Configuration;
using GzAiEdge.Ingestion;
using GzAiEdge.Ingestion.Broker;
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
        builder.Services.AddCloudBroker();
        builder.Services.AddOptions<LiveFeedOptions>().BindConfiguration(LiveFeedOptions.Section).ValidateOnStart();
        builder.Services.AddBoundSection<LiveFeedOptions>(LiveFeedOptions.Section);
        builder.Services.AddSingleton<IValidateOptions<LiveFeedOptions>, LiveFeedOptionsValidator>();
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
