using GzAiEdge.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GzAiEdge.DeviceManagement.Commands;

public static class DeviceCommandServiceExtensions
{
    /// <summary>
    /// Signed commands to one device at a time on its <c>cmd</c> topic (config section <c>Commands</c>: the command
    /// key); needs the live feed's connection.
    /// </summary>
    public static IHostApplicationBuilder AddDeviceCommands(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CommandSigningOptions>().BindConfiguration(CommandSigningOptions.Section).ValidateOnStart();
        builder.Services.AddBoundSection<CommandSigningOptions>(CommandSigningOptions.Section);
        builder.Services.AddSingleton<IValidateOptions<CommandSigningOptions>, CommandSigningOptionsValidator>();
        builder.Services.AddSingleton<CommandSigning>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<CommandPublisher>();
        return builder;
    }
}
