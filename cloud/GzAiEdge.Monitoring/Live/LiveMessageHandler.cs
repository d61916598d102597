using System.Text;
using System.Text.Json;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Topics;
using GzAiEdge.Contracts.Validation;
using GzAiEdge.Monitoring.Alerts;

namespace GzAiEdge.Monitoring.Live;

/// <summary>
/// Turns one message of the live subscription into registry updates, alert evaluation and live
/// events. Messages are validated with the same contract rules as ingestion; invalid ones are
/// ignored here because ingestion already dead-letters them with the reason.
/// </summary>
public sealed class LiveMessageHandler(DeviceRegistry registry, LiveHub hub, AlertEngine alerts, ILogger<LiveMessageHandler> logger)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task HandleAsync(string topicName, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        if (topicName == LiveFeedService.AlertTopic)
        {
            ForwardAlert(payload);
            return;
        }

        if (!GzTopic.TryParse(topicName, out var topic, out var topicError))
        {
            LiveLog.Ignored(logger, topicName, topicError);
            return;
        }

        IReadOnlyList<ContractError> errors;
        switch (topic.Kind)
        {
            case MessageKind.Kpi when MessageReader.TryRead(payload.Span, GzJsonContext.Default.KpiReport, topic, out var report, out errors):
                var reporter = registry.OnKpi(report);
                if (hub.StreamCount > 0)
                {
                    hub.Publish(new LiveEvent(LiveEvent.Kpi, report.Scenario, report.Site, Serialize(KpiLive.From(report))));
                }

                PublishDevice(reporter);
                await alerts.OnKpiAsync(report, reporter, cancellationToken);
                return;
            case MessageKind.Heartbeat when MessageReader.TryRead(payload.Span, GzJsonContext.Default.Heartbeat, topic, out var heartbeat, out errors):
                PublishDevice(registry.OnHeartbeat(heartbeat));
                return;
            case MessageKind.State when MessageReader.TryRead(payload.Span, GzJsonContext.Default.DeviceState, topic, out var state, out errors):
                var device = registry.OnState(state);
                PublishDevice(device);
                await alerts.OnDeviceStateAsync(device, cancellationToken);
                return;
            case MessageKind.Event when MessageReader.TryRead(payload.Span, GzJsonContext.Default.DeviceEvent, topic, out var deviceEvent, out errors):
                if (hub.StreamCount > 0)
                {
                    var scenario = registry.Find(deviceEvent.Site, deviceEvent.Device)?.Scenario;
                    hub.Publish(new LiveEvent(LiveEvent.DeviceEventType, scenario, deviceEvent.Site, Serialize(deviceEvent)));
                }

                return;
            case MessageKind.Cmd:
                return;
            default:
                LiveLog.Ignored(logger, topicName, "not a valid message of its kind (ingestion dead-letters it with the reason)");
                return;
        }
    }

    // Every report and heartbeat passes here: with no stream open (no dashboard watching) nothing is
    // serialised, and the feed only keeps the registry and the alerts current.
    private void PublishDevice(DeviceView device)
    {
        if (hub.StreamCount > 0)
        {
            hub.Publish(new LiveEvent(LiveEvent.Device, device.Scenario, device.Site, Serialize(device)));
        }
    }

    // Alerts raised by other instances arrive here; this instance's own are published to the hub
    // directly (the subscription has No Local set), so each alert is shown once.
    private void ForwardAlert(ReadOnlyMemory<byte> payload)
    {
        AlertView? alert = null;
        try
        {
            alert = JsonSerializer.Deserialize<AlertView>(payload.Span, Json);
        }
        catch (JsonException ex)
        {
            LiveLog.Ignored(logger, LiveFeedService.AlertTopic, ex.Message);
        }

        if (alert is { Scenario: not null, Site: not null })
        {
            hub.Publish(new LiveEvent(LiveEvent.Alert, alert.Scenario, alert.Site, Encoding.UTF8.GetString(payload.Span)));
        }
    }

    internal static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Json);
}

/// <summary>A KPI report as the live stream sends it (the signature left out).</summary>
public sealed record KpiLive(
    string Scenario, string Site, string Device, long Seq, DateTimeOffset WindowStart, DateTimeOffset WindowEnd,
    IReadOnlyDictionary<string, double> Kpis, ModelInfo? Model)
{
    public static KpiLive From(KpiReport r) => new(r.Scenario, r.Site, r.Device, r.Seq, r.WindowStart, r.WindowEnd, r.Kpis, r.Model);
}
