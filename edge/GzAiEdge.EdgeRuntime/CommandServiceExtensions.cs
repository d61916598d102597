using GzAiEdge.Contracts.Topics;
using GzAiEdge.EdgeRuntime.Commands;
using GzAiEdge.EdgeRuntime.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GzAiEdge.EdgeRuntime;

/// <summary>Wiring of remote commands and model updates.</summary>
public static class CommandServiceExtensions
{
    /// <summary>
    /// Adds what commands changed (<see cref="DeviceStateConfigurationProvider"/>) on top of every configuration
    /// source added so far; call it last. The files sit in the device's state folder, found from the configuration.
    /// </summary>
    public static IConfigurationBuilder AddDeviceState(this IConfigurationManager configuration)
    {
        var device = configuration[$"{EdgeOptions.Section}:Device"] ?? string.Empty;
        var folder = configuration[$"{EdgeOptions.Section}:StateDirectory"] is { Length: > 0 } set ? set : new EdgeOptions().StateDirectory;

        // A device id that is not one (validation stops the start) must not name files outside the state folder.
        return configuration.Add(new DeviceStateConfigurationSource(new DeviceStatePaths(folder, Identifiers.Check(device) is null ? device : "invalid-device-id")));
    }

    /// <summary>The command service and what it runs: configuration changes, pipeline restarts, model updates.</summary>
    public static IHostApplicationBuilder AddEdgeCommands(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IValidateOptions<CommandOptions>, CommandOptionsValidator>();
        services.AddOptions<CommandOptions>().BindConfiguration(CommandOptions.Section).ValidateOnStart();
        services.AddSingleton(sp => ((IConfigurationRoot)sp.GetRequiredService<IConfiguration>()).Providers.OfType<DeviceStateConfigurationProvider>().Single());
        services.AddSingleton(sp => sp.GetRequiredService<DeviceStateConfigurationProvider>().Paths);
        services.AddSingleton<CommandLedger>();
        services.AddSingleton<ModelStore>();
        services.AddSingleton<ModelDownloader>();
        services.AddSingleton<CommandReporter>();
        services.AddSingleton<PipelineCommands>();
        services.AddSingleton<ModelUpdateCommand>();
        services.AddHostedService<CommandService>();
        return builder;
    }
}
