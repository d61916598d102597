using System.Threading.Channels;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Edge.Configuration;
using GzAiEdge.Edge.Pipeline;
using GzAiEdge.Edge.Publishing;
using GzAiEdge.Edge.Simulation;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Edge.Services;

/// <summary>
/// Source → KPI window → report. Ticks the source at its sample rate, closes each window at its
/// aligned end and hands the report to the publisher. The report channel waits when full: a report
/// is never dropped.
/// </summary>
public sealed class PipelineService(
    IOptions<EdgeOptions> edge,
    IOptions<SourceOptions> source,
    ReportBuilder builder,
    ChannelWriter<KpiReport> reports,
    TimeProvider time,
    ILogger<PipelineService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var simulation = SimulationProfiles.Create(source.Value.Profile, source.Value.Seed);
        var length = TimeSpan.FromSeconds(edge.Value.WindowSeconds);
        var tick = TimeSpan.FromSeconds(1 / source.Value.SampleHz);
        var samples = new List<Sample>();
        var now = time.GetUtcNow();
        var window = new KpiWindow(simulation.Kpis, KpiWindow.AlignedStart(now, length), length);
        var last = now;
        EdgeLog.PipelineStarted(logger, source.Value.Profile, edge.Value.WindowSeconds);

        using var timer = new PeriodicTimer(tick, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            now = time.GetUtcNow();
            samples.Clear();
            simulation.Tick(now, (now - last).TotalSeconds, samples);
            last = now;

            while (now >= window.End)
            {
                await CloseAsync(window, stoppingToken);
                window = new KpiWindow(simulation.Kpis, window.End, length);
            }

            foreach (var sample in samples)
            {
                window.Add(sample);
            }
        }
    }

    private async Task CloseAsync(KpiWindow window, CancellationToken cancellationToken)
    {
        KpiReport report;
        try
        {
            report = builder.Build(window);
        }
        catch (InvalidOperationException ex)
        {
            // One bad window must not stop the device; no seq was taken, so nothing looks missing
            // that was never sent, and the log says which window and why.
            EdgeLog.WindowDropped(logger, window.Start, window.End, ex.Message);
            return;
        }

        await reports.WriteAsync(report, cancellationToken);
        EdgeLog.WindowClosed(logger, report.WindowEnd, report.Kpis.Count);
    }
}
