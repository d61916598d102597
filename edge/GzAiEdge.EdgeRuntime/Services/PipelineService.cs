using System.Threading.Channels;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.EdgeRuntime.Configuration;
using GzAiEdge.EdgeRuntime.Evidence;
using GzAiEdge.EdgeRuntime.Hosting;
using GzAiEdge.EdgeRuntime.Pipeline;
using GzAiEdge.EdgeRuntime.Publishing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GzAiEdge.EdgeRuntime.Services;

/// <summary>
/// Source → KPI window → report. Ticks the source (a simulation, or replay/camera → model → postprocess) at
/// its sample rate, closes each window at its aligned end and hands the report, with the model that made
/// it, to the publisher. The report channel waits when full: a report is never dropped. The source is the
/// one <see cref="PipelineHost"/> holds at each tick (commands replace it); a window that spans a replacement
/// is reported with the model running when it closes, and the next window takes the new source's KPIs.
/// </summary>
public sealed class PipelineService(
    IOptions<EdgeOptions> edge,
    IOptions<SourceOptions> source,
    PipelineHost pipeline,
    PipelineLiveness liveness,
    ReportBuilder builder,
    ChannelWriter<KpiReport> reports,
    EvidenceRings evidence,
    TimeProvider time,
    ILogger<PipelineService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var length = TimeSpan.FromSeconds(edge.Value.WindowSeconds);
        var tick = TimeSpan.FromSeconds(1 / source.Value.SampleHz);
        var samples = new List<Sample>();
        var now = time.GetUtcNow();
        var window = NewWindow(KpiWindow.AlignedStart(now, length), length);
        var last = now;
        EdgeLog.PipelineStarted(logger, Describe(), edge.Value.WindowSeconds);

        using var timer = new PeriodicTimer(tick, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            now = time.GetUtcNow();
            samples.Clear();
            pipeline.Tick(now, (now - last).TotalSeconds, samples);
            liveness.Beat();
            Metrics.EdgeMetrics.Ticked();
            last = now;

            while (now >= window.End)
            {
                await CloseAsync(window, stoppingToken);
                window = NewWindow(window.End, length);
            }

            foreach (var sample in samples)
            {
                window.Add(sample);
            }
        }
    }

    private KpiWindow NewWindow(DateTimeOffset start, TimeSpan length)
    {
        var current = pipeline.Current;
        return new KpiWindow(current.Kpis, start, length, current.InputSample);
    }

    private string Describe() => pipeline.Current.Model is { } model
        ? $"{Input()} through model {model.Name} v{model.Version} ({model.Sha256[..12]}){(source.Value.Labelled ? ", labelled" : string.Empty)}"
        : source.Value.Kind == "sensor" ? $"{Input()}, no model" : $"simulated {source.Value.Profile}";

    private string Input() => source.Value.Kind switch
    {
        "camera" => $"camera ({source.Value.Camera.Format}) {source.Value.Camera.Display}",
        "sensor" => $"sensor {source.Value.Sensor.Display}",
        _ => $"replay {source.Value.Path}",
    };

    private async Task CloseAsync(KpiWindow window, CancellationToken cancellationToken)
    {
        KpiReport report;
        try
        {
            report = builder.Build(window, pipeline.Current.Model);
        }
        catch (InvalidOperationException ex)
        {
            // One bad window must not stop the device; no seq was taken, so nothing looks missing
            // that was never sent, and the log says which window and why.
            EdgeLog.WindowDropped(logger, window.Start, window.End, ex.Message);
            return;
        }

        evidence.Opened?.Reported(report.Seq, report.WindowStart, report.WindowEnd);
        await reports.WriteAsync(report, cancellationToken);
        EdgeLog.WindowClosed(logger, report.WindowEnd, report.Kpis.Count);
    }
}
