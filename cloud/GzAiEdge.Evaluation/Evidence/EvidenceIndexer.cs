using System.Diagnostics;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Evaluation.Verification;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Evaluation.Evidence;

/// <summary>
/// Verifies the reports as they arrive, a day at a time: each round looks at the closed UTC days a report may still
/// arrive for, for every device of the key registry, and verifies only the days whose stored reports changed since their
/// checkpoint. An evaluation then finds the spans done; the day still open is verified when an evaluation asks for it.
/// </summary>
public sealed class EvidenceIndexer(IServiceProvider services, IOptions<EvidenceOptions> options, IOptions<VerificationOptions> verification,
    TimeProvider time, ILogger<EvidenceIndexer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.IndexIntervalSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RoundAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                EvidenceLog.Failed(logger, ex.Message, interval);
            }

            try
            {
                await Task.Delay(interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task RoundAsync(CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(verification.Value.KeyRegistryPath);
        if (!File.Exists(path))
        {
            return;
        }

        var started = Stopwatch.StartNew();
        var now = time.GetUtcNow();
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var from = today.AddDays(-options.Value.IndexDays);
        using var registry = DeviceKeyRegistry.Load(path);
        var evidence = services.GetRequiredService<IncrementalChainEvidence>();
        var devices = 0;
        foreach (var (site, device, key) in registry.All)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await evidence.DaysAsync(site, device, from, today, key, cancellationToken);
            devices++;
        }

        EvidenceLog.Indexed(logger, devices, options.Value.IndexDays, started.Elapsed);
    }
}
