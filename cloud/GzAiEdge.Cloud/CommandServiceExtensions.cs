using GzAiEdge.Cloud.Commands;
using GzAiEdge.Cloud.Models;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Cloud;

/// <summary>Wiring of device commands and the model repository (issue 7, item 6).</summary>
public static class CommandServiceExtensions
{
    /// <summary>The model repository (config section <c>Models</c>) and the command publisher.</summary>
    public static IHostApplicationBuilder AddDeviceCommands(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ModelsOptions>().BindConfiguration(ModelsOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ModelsOptions>, ModelsOptionsValidator>();
        builder.Services.AddSingleton<ModelRepository>();
        builder.Services.AddSingleton<CommandPublisher>();
        return builder;
    }
}
