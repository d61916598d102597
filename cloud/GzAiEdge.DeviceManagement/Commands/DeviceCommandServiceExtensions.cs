using GzAiEdge.Configuration;
using GzAiEdge.Ingestion.Broker;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GzAiEdge.DeviceManagement.Commands;

public static class DeviceCommandServiceExtensions
{
    /// <summary>
    /// Signed commands to one device at a time on its <c>cmd</c> topic (config section <c>Commands</c>: the command
    /// key), on the commander's own connection (<c>Broker:Commander</c>).
    /// </summary>
    public static IHostApplicationBuilder AddDeviceCommands(this IHostApplicationBuilder builder)
    {
        builder.Services.AddCloudBroker();
        builder.Services.AddOptions<CommandSigningOptions>().BindConfiguration(CommandSigningOptions.Section).ValidateOnStart();
        builder.Services.AddBoundSection<CommandSigningOptions>(CommandSigningOptions.Section);
        builder.Services.AddSingleton<IValidateOptions<CommandSigningOptions>, CommandSigningOptionsValidator>();
        builder.Services.AddSingleton<CommandSigning>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<CommanderConnection>();
        builder.Services.AddSingleton<ICommandChannel>(sp => sp.GetRequiredService<CommanderConnection>());
        builder.Services.AddSingleton<CommandPublisher>();
        return builder;
    }
}
