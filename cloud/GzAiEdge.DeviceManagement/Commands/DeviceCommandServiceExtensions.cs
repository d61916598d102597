using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GzAiEdge.DeviceManagement.Commands;

public static class DeviceCommandServiceExtensions
{
    /// <summary>Commands to one device at a time on its <c>cmd</c> topic; needs the live feed's connection.</summary>
    public static IHostApplicationBuilder AddDeviceCommands(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<CommandPublisher>();
        return builder;
    }
}
