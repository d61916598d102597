using GzAiEdge.Configuration;
using GzAiEdge.EdgeRuntime.Configuration;
using GzAiEdge.EdgeRuntime.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GzAiEdge.EdgeRuntime.Health;

public static class HealthServiceExtensions
{
    /// <summary>
    /// The heartbeat and the health it reports (section <c>Health</c>, usually from the board profile): /proc, the
    /// board's thermal zones, the state folder's disk.
    /// </summary>
    public static IHostApplicationBuilder AddEdgeHealth(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IValidateOptions<HealthOptions>, HealthOptionsValidator>();
        services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.Section).ValidateOnStart();
        services.AddBoundSection<HealthOptions>(HealthOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new ThermalZones(sp.GetRequiredService<IOptions<HealthOptions>>().Value));
        services.AddSingleton<HealthSampler>();
        services.AddHostedService<HeartbeatService>();
        return builder;
    }
}
