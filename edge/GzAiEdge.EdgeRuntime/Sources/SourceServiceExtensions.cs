using GzAiEdge.Configuration;
using GzAiEdge.Devices.Sources.Sensors;
using GzAiEdge.EdgeRuntime.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GzAiEdge.EdgeRuntime.Sources;

public static class SourceServiceExtensions
{
    /// <summary>
    /// Where samples come from (section <c>Source</c>): a simulation, a replay, a camera, or a sensor on the board's
    /// I2C buses and GPIO lines (unless the ports are given, as tests give emulators).
    /// </summary>
    public static IHostApplicationBuilder AddSources(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IValidateOptions<SourceOptions>, SourceOptionsValidator>();
        services.AddOptions<SourceOptions>().BindConfiguration(SourceOptions.Section).ValidateOnStart();
        services.AddBoundSection<SourceOptions>(SourceOptions.Section);
        services.TryAddSingleton<ISensorPorts>(LinuxSensorPorts.Instance);
        return builder;
    }
}
