using GzAiEdge.Configuration;
using Microsoft.Extensions.Options;

namespace GzAiEdge.DeviceManagement.Models;

public static class ModelRepositoryServiceExtensions
{
    /// <summary>The repository of signed models that devices download (config section <c>Models</c>).</summary>
    public static IHostApplicationBuilder AddModelRepository(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ModelsOptions>().BindConfiguration(ModelsOptions.Section).ValidateOnStart();
        builder.Services.AddBoundSection<ModelsOptions>(ModelsOptions.Section);
        builder.Services.AddSingleton<IValidateOptions<ModelsOptions>, ModelsOptionsValidator>();
        builder.Services.AddSingleton<ModelRepository>();
        return builder;
    }
}
