using Microsoft.Extensions.Options;

namespace GzAiEdge.TimeSeries.Retention;

/// <summary>
/// Sets the retention policies once at start, retrying with backoff while InfluxDB cannot answer (the cloud starts
/// whether or not InfluxDB is up); logs what it changed.
/// </summary>
public sealed class RetentionService(InfluxDbClient influx, IOptions<InfluxDbOptions> influxOptions, IOptions<RetentionOptions> options,
    ILogger<RetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled || influxOptions.Value.WriteApi != InfluxWriteApi.V1)
        {
            return;
        }

        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var change in await RetentionPolicies.EnsureAsync(influx, influxOptions.Value.Database, options.Value, stoppingToken))
                {
                    RetentionLog.Changed(logger, influxOptions.Value.Database, change);
                }

                return;
            }
            catch (Exception ex) when (ex is InfluxDbUnavailableException or InfluxQueryException or HttpRequestException)
            {
                RetentionLog.Failed(logger, ex.Message, delay);
            }

            try
            {
                await Task.Delay(delay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromMinutes(1).Ticks));
        }
    }
}

/// <summary>Log messages of retention (event ids 8100–8109).</summary>
internal static partial class RetentionLog
{
    [LoggerMessage(8100, LogLevel.Information, "InfluxDB retention on {Database}: {Change}")]
    public static partial void Changed(ILogger logger, string database, string change);

    [LoggerMessage(8101, LogLevel.Warning, "Cannot set InfluxDB retention ({Reason}); retrying in {Delay}")]
    public static partial void Failed(ILogger logger, string reason, TimeSpan delay);
}
