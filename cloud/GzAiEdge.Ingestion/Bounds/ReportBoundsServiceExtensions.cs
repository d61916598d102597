using GzAiEdge.Configuration;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Ingestion.Bounds;

public static class ReportBoundsServiceExtensions
{
    /// <summary>The bounds on what a device may claim (config section <c>ReportBounds</c>); needs the scenario catalogue.</summary>
    public static IServiceCollection AddReportBounds(this IServiceCollection services)
    {
        services.AddOptions<ReportBoundsOptions>().BindConfiguration(ReportBoundsOptions.Section).ValidateOnStart();
        services.AddBoundSection<ReportBoundsOptions>(ReportBoundsOptions.Section);
        services.AddSingleton<IValidateOptions<ReportBoundsOptions>, ReportBoundsOptionsValidator>();
        services.AddSingleton<ReportBounds>();
        return services;
    }
}
