using GzAiEdge.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GzAiEdge.Evaluation.Verification;

public static class VerificationServiceExtensions
{
    /// <summary>Chain verification over stored reports (config section <c>Verification</c>); needs the time series.</summary>
    public static IHostApplicationBuilder AddVerification(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<VerificationOptions>().BindConfiguration(VerificationOptions.Section);
        builder.Services.AddBoundSection<VerificationOptions>(VerificationOptions.Section);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddTransient<ChainVerificationService>();
        return builder;
    }
}
