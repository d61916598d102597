using GzAiEdge.EdgeRuntime.Commands;
using GzAiEdge.EdgeRuntime.Health;
using GzAiEdge.EdgeRuntime.Metrics;
using GzAiEdge.EdgeRuntime.Pipeline;
using GzAiEdge.EdgeRuntime.Publishing;
using GzAiEdge.EdgeRuntime.Sources;
using Microsoft.Extensions.Hosting;

namespace GzAiEdge.EdgeRuntime;

public static class EdgeRuntimeServiceExtensions
{
    /// <summary>
    /// Every area of the worker but where its configuration comes from and systemd: sources, pipeline, outbox,
    /// publisher, commands, health and metrics, for programs that check or exercise a device config as the worker would
    /// (<c>gz config validate</c>, tests). The worker's own <c>Program.cs</c> lists the areas one by one.
    /// </summary>
    public static IHostApplicationBuilder AddEdgeRuntime(this IHostApplicationBuilder builder) =>
        builder.AddSources().AddPipeline().AddOutbox().AddPublisher().AddEdgeCommands().AddEdgeHealth().AddEdgeMetrics();
}
