using GzAiEdge.Configuration;
using GzAiEdge.Monitoring.Live;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Monitoring.Alerts;

public static class AlertServiceExtensions
{
    /// <summary>
    /// Alert rules, store, evaluation and outlets (config section <c>Alerts</c>); needs the live feed, which it observes
    /// (<see cref="IDeviceObserver"/>) and shows and publishes alerts through.
    /// </summary>
    public static IHostApplicationBuilder AddAlerts(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.Section).ValidateOnStart();
        services.AddBoundSection<AlertOptions>(AlertOptions.Section);
        services.AddSingleton<IValidateOptions<AlertOptions>, AlertOptionsValidator>();
        services.AddSingleton(sp => AlertRulesLoader.Load(sp.GetRequiredService<IOptions<AlertOptions>>().Value.RulesPath));
        services.AddSingleton(sp => new SqliteAlertStore(Path.GetFullPath(sp.GetRequiredService<IOptions<AlertOptions>>().Value.StorePath)));
        services.AddSingleton<AlertPublisher>();
        services.AddSingleton<AlertEngine>();
        services.AddSingleton<IDeviceObserver>(sp => sp.GetRequiredService<AlertEngine>());
        services.AddSingleton<ILiveTopicHandler, AlertTopic>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<AlertClockService>();
        services.AddHostedService<AlertDeliveryService>();
        services.AddHttpClient(AlertDeliveryService.WebhookClient, http => http.Timeout = TimeSpan.FromSeconds(10));
        return builder;
    }
}
