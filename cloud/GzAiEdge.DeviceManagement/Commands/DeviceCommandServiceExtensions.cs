using GzAiEdge.Ingestion.Broker;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GzAiEdge.DeviceManagement.Commands;

public static class DeviceCommandServiceExtensions
{
    /// <summary>Commands to one device at a time on its <c>cmd</c> topic, on the commander's own connection (<c>Broker:Commander</c>).</summary>
    public static IHostApplicationBuilder AddDeviceCommands(this IHostApplicationBuilder builder)
    {
        builder.Services.AddCloudBroker();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<CommanderConnection>();
        builder.Services.AddSingleton<ICommandChannel>(sp => sp.GetRequiredService<CommanderConnection>());
        builder.Services.AddSingleton<CommandPublisher>();
        return builder;
    }
}
