using GzAiEdge.Configuration;
using GzAiEdge.Contracts.Topics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GzAiEdge.EdgeRuntime.Configuration;

public static class ConfigurationServiceExtensions
{
    /// <summary>
    /// Adds the device config file named by <c>--config</c> or <c>GZ_EDGE_CONFIG</c>, if any, with the board
    /// profile it names below it. The file sits below environment variables and the command line, so that one
    /// value can be overridden (<c>--broker:port=1884</c>) without editing the file; what remote commands changed
    /// sits on top of all. Then adds what every area's options need (<see cref="AddDeviceSettings"/>).
    /// </summary>
    /// <exception cref="InvalidDataException">The file names an unknown profile, or the profile sets what it may not.</exception>
    public static IHostApplicationBuilder AddEdgeConfiguration(this IHostApplicationBuilder builder, string[] args)
    {
        var path = builder.Configuration["config"] ?? Environment.GetEnvironmentVariable("GZ_EDGE_CONFIG");
        if (!string.IsNullOrEmpty(path))
        {
            var problems = DeviceConfiguration.Add(builder.Configuration, Path.GetFullPath(path), DeviceProfiles.Default);
            if (problems.Count > 0)
            {
                throw new InvalidDataException(string.Join(Environment.NewLine + "  ", problems));
            }

            builder.Configuration.AddEnvironmentVariables();
            builder.Configuration.AddCommandLine(args);
        }

        builder.Configuration.AddDeviceState();
        return builder.AddDeviceSettings();
    }

    /// <summary>
    /// What every area's options need, for a caller that has added the device config itself (<c>gz config
    /// validate</c>): where a key was set (<see cref="ConfigurationLocator"/>), where the files a config names are
    /// looked for (<see cref="DeviceFiles"/>, unless given), who the device is (section <c>Edge</c>) and the board
    /// it runs on (section <c>Board</c>, from its profile).
    /// </summary>
    public static IHostApplicationBuilder AddDeviceSettings(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(new ConfigurationLocator(builder.Configuration));
        services.TryAddSingleton(new DeviceFiles());
        services.AddSingleton<IValidateOptions<EdgeOptions>, EdgeOptionsValidator>();
        services.AddOptions<EdgeOptions>().BindConfiguration(EdgeOptions.Section).ValidateOnStart();
        services.AddBoundSection<EdgeOptions>(EdgeOptions.Section);
        services.AddSingleton<IValidateOptions<BoardOptions>, BoardOptionsValidator>();
        services.AddOptions<BoardOptions>().BindConfiguration(BoardOptions.Section).ValidateOnStart();
        services.AddBoundSection<BoardOptions>(BoardOptions.Section);
        return builder;
    }

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
}
