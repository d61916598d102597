using GzAiEdge.Configuration;
using GzAiEdge.Scenarios.Catalogue;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Cloud.Catalogue;

public static class CatalogueServiceExtensions
{
    /// <summary>
    /// The programme's scenario catalogue (config section <c>Catalogue</c>), loaded once: ingestion maps a report's
    /// scenario to its sector with it, the API lists it, evaluation scores it.
    /// </summary>
    public static IHostApplicationBuilder AddScenarioCatalogue(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CatalogueOptions>().BindConfiguration(CatalogueOptions.Section).ValidateOnStart();
        builder.Services.AddBoundSection<CatalogueOptions>(CatalogueOptions.Section);
        builder.Services.AddSingleton<IValidateOptions<CatalogueOptions>, CatalogueOptionsValidator>();
        builder.Services.AddSingleton(sp => CatalogueLoader.Load(sp.GetRequiredService<IOptions<CatalogueOptions>>().Value.Path));
        return builder;
    }
}
