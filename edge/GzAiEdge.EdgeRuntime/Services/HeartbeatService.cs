using System.Text.Json;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Topics;
using GzAiEdge.EdgeRuntime.Configuration;
using GzAiEdge.EdgeRuntime.Evidence;
using GzAiEdge.EdgeRuntime.Health;
using GzAiEdge.EdgeRuntime.Publishing;
using GzAiEdge.Mqtt;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GzAiEdge.EdgeRuntime.Services;

/// <summary>
/// Publishes a heartbeat every <see cref="EdgeOptions.HeartbeatSeconds"/> while connected, with the device's
/// health. A heartbeat describes the present, so one that cannot be sent is skipped, not queued.
/// </summary>
public sealed class HeartbeatService(
    IOptions<EdgeOptions> edge,
    EdgeConnection connection,
    Outbox outbox,
    HealthSampler health,
    EvidenceRings evidence,
    TimeProvider time,
    ILogger<HeartbeatService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = time.GetUtcNow();
        EdgeLog.ThermalZonesFound(logger, health.TemperatureNames.Any() ? string.Join(", ", health.TemperatureNames) : "none (no thermal zones found)");
        var topic = GzTopic.Create(edge.Value.Site, edge.Value.Device, MessageKind.Heartbeat).ToString();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(edge.Value.HeartbeatSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            // Taken on every tick, sent or not, so that CPU and rates cover the time since the previous heartbeat.
            var reading = health.Sample();
            if (!connection.Client.IsConnected)
            {
                continue;
            }

            var now = time.GetUtcNow();
            var ring = evidence.Opened?.Counts;
            var heartbeat = new Heartbeat
            {
                V = ContractVersion.Current,
                Site = edge.Value.Site,
                Device = edge.Value.Device,
                Time = now,
                UptimeSeconds = (long)(now - started).TotalSeconds,
                LastSeq = outbox.LastSeq,
                OutboxDepth = outbox.Depth,
                OutboxEvicted = outbox.Evicted,
                EvidenceHeld = ring?.Held,
                EvidenceBytes = ring?.Bytes,
                EvidenceEvicted = ring?.Evicted,
                Health = reading,
            };
            var payload = JsonSerializer.SerializeToUtf8Bytes(heartbeat, GzJsonContext.Default.Heartbeat);
            try
            {
                await connection.Client.PublishAsync(
                    new MqttApplicationMessage(topic, payload) { Qos = MqttQualityOfService.AtMostOnce }, stoppingToken);
            }
            catch (MqttException ex)
            {
                EdgeLog.HeartbeatSkipped(logger, ex.Message);
            }
        }
    }
}
