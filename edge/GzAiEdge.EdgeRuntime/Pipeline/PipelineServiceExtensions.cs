using GzAiEdge.Configuration;
using GzAiEdge.EdgeRuntime.Configuration;
using GzAiEdge.EdgeRuntime.Evidence;
using GzAiEdge.EdgeRuntime.Hosting;
using GzAiEdge.EdgeRuntime.Publishing;
using GzAiEdge.EdgeRuntime.Services;
using GzAiEdge.Inference;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GzAiEdge.EdgeRuntime.Pipeline;

public static class PipelineServiceExtensions
{
    /// <summary>
    /// Source → model → KPI window → report (sections <c>Pipeline</c>, <c>Inference</c> and <c>Evidence</c>): the
    /// pipeline the source feeds, loaded when first asked for, the evidence ring it keeps its inputs in, and the service
    /// that ticks it and hands each window's report to the publisher.
    /// </summary>
    public static IHostApplicationBuilder AddPipeline(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IValidateOptions<PipelineOptions>, PipelineOptionsValidator>();
        services.AddOptions<PipelineOptions>().BindConfiguration(PipelineOptions.Section).ValidateOnStart();
        services.AddBoundSection<PipelineOptions>(PipelineOptions.Section);
        services.AddSingleton<IValidateOptions<InferenceOptions>, InferenceOptionsValidator>();
        services.AddOptions<InferenceOptions>().BindConfiguration(InferenceOptions.Section).ValidateOnStart();
        services.AddBoundSection<InferenceOptions>(InferenceOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IValidateOptions<EvidenceOptions>, EvidenceOptionsValidator>();
        services.AddOptions<EvidenceOptions>().BindConfiguration(EvidenceOptions.Section).ValidateOnStart();
        services.AddBoundSection<EvidenceOptions>(EvidenceOptions.Section);
        services.AddSingleton<EvidenceRings>();
        services.AddSingleton<SampleSourceFactory>();
        services.AddSingleton(sp => new PipelineHost(sp.GetRequiredService<SampleSourceFactory>().Create()));
        services.AddSingleton<PipelineLiveness>();
        services.AddSingleton<ReportBuilder>();
        services.AddHostedService<PipelineService>();
        return builder;
    }
}
