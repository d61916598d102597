using System.Text.Json;
using System.Threading.Channels;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Topics;
using GzAiEdge.Edge.Publishing;
using GzAiEdge.Mqtt;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GzAiEdge.Edge.Services;

/// <summary>
/// Publishes reports in order at QoS 1, one at a time, each complete only when the broker has
/// acknowledged it. A failed publish is retried with backoff; a report is never skipped.
/// </summary>
public sealed class PublisherService(
    EdgeConnection connection,
    ChannelReader<KpiReport> reports,
    TimeProvider time,
    ILogger<PublisherService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await connection.ConnectAsync(stoppingToken);
        await foreach (var report in reports.ReadAllAsync(stoppingToken))
        {
            var topic = GzTopic.Create(report.Site, report.Device, MessageKind.Kpi).ToString();
            var payload = JsonSerializer.SerializeToUtf8Bytes(report, GzJsonContext.Default.KpiReport);
            await PublishUntilAcknowledgedAsync(new MqttApplicationMessage(topic, payload), report.Seq, stoppingToken);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await connection.GoOfflineAsync(cancellationToken);
    }

    private async Task PublishUntilAcknowledgedAsync(MqttApplicationMessage message, long seq, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            try
            {
                await connection.Client.PublishAsync(message, cancellationToken);
                EdgeLog.ReportPublished(logger, seq);
                return;
            }
            catch (MqttException ex)
            {
                EdgeLog.PublishFailed(logger, seq, ex.Message, delay);
                await Task.Delay(delay, time, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
        }
    }
}
