using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Topics;
using GzAiEdge.Contracts.Validation;
using GzAiEdge.Ingestion;
using GzAiEdge.Ingestion.Quota;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Monitoring.Live;

/// <summary>
/// Turns one message of the live subscription into registry updates, live events and what the
/// observers (<see cref="IDeviceObserver"/>: alerts) are told. Device messages are validated with the
/// same contract rules as ingestion; invalid ones are ignored here because ingestion already
/// dead-letters them with the reason. Messages on another area's topic go to its <see cref="ILiveTopicHandler"/>.
/// A device over its quota (the same <see cref="DeviceQuota"/> rule ingestion dead-letters by) is not read at all, so
/// that a flood costs the feed little, and the observers are told when it goes over and when it is back.
/// </summary>
public sealed class LiveMessageHandler(
    DeviceRegistry registry, LiveHub hub, IEnumerable<IDeviceObserver> observers, IEnumerable<ILiveTopicHandler> topics,
    IOptions<IngestionOptions> ingestion, TimeProvider time, ILogger<LiveMessageHandler> logger)
{
    private readonly DeviceQuota _quota = new(ingestion.Value.Quota, time);
    private readonly IDeviceObserver[] _observers = [.. observers];
    private readonly ILiveTopicHandler[] _topics = [.. topics];

    /// <summary>The topics of the other areas' handlers, subscribed beside the device topics.</summary>
    public IEnumerable<string> OtherTopics => _topics.Select(t => t.Topic);

    public async Task HandleAsync(string topicName, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        if (Array.Find(_topics, t => t.Topic == topicName) is { } other)
        {
            other.Handle(payload.Span);
            return;
        }

        var verdict = _quota.Check(topicName, payload.Length);
        if (_quota.StartedRefusing || _quota.StoppedRefusing)
        {
            await QuotaChangedAsync(topicName, verdict is QuotaVerdict.Allowed ? null : _quota.Reason(verdict, payload.Length), cancellationToken);
        }

        if (verdict is not QuotaVerdict.Allowed)
        {
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
                    hub.Publish(new LiveEvent(LiveEvent.Kpi, report.Scenario, report.Site, Serialize(KpiLive.From(report))) { DeviceId = report.Device });
                }

                PublishDevice(reporter);
                foreach (var observer in _observers)
                {
                    await observer.OnKpiAsync(report, reporter, cancellationToken);
                }

                return;
            case MessageKind.Heartbeat when MessageReader.TryRead(payload.Span, GzJsonContext.Default.Heartbeat, topic, out var heartbeat, out errors):
                PublishDevice(registry.OnHeartbeat(heartbeat));
                return;
            case MessageKind.State when MessageReader.TryRead(payload.Span, GzJsonContext.Default.DeviceState, topic, out var state, out errors):
                var device = registry.OnState(state);
                PublishDevice(device);
                foreach (var observer in _observers)
                {
                    await observer.OnStateAsync(device, cancellationToken);
                }

                return;
            case MessageKind.Event when MessageReader.TryRead(payload.Span, GzJsonContext.Default.DeviceEvent, topic, out var deviceEvent, out errors):
                if (hub.StreamCount > 0)
                {
                    var scenario = registry.Find(deviceEvent.Site, deviceEvent.Device)?.Scenario;
                    hub.Publish(new LiveEvent(LiveEvent.DeviceEventType, scenario, deviceEvent.Site, Serialize(deviceEvent)) { DeviceId = deviceEvent.Device });
                }

                return;
            case MessageKind.Cmd:
                return;
            default:
                LiveLog.Ignored(logger, topicName, "not a valid message of its kind (ingestion dead-letters it with the reason)");
                return;
        }
    }

    private async Task QuotaChangedAsync(string topicName, string? reason, CancellationToken cancellationToken)
    {
        if (!GzTopic.TryParse(topicName, out var topic, out _))
        {
            return;
        }

        LiveLog.QuotaChanged(logger, topic.Site, topic.Device, reason ?? "back within its quota");
        var known = registry.Find(topic.Site, topic.Device);
        foreach (var observer in _observers)
        {
            await observer.OnQuotaAsync(topic.Site, topic.Device, known, reason, cancellationToken);
        }
    }

    // Every report and heartbeat passes here: with no stream open (no dashboard watching) nothing is
    // serialised, and the feed only keeps the registry and the observers current.
    private void PublishDevice(DeviceView device)
    {
        if (hub.StreamCount > 0)
        {
            hub.Publish(new LiveEvent(LiveEvent.Device, device.Scenario, device.Site, Serialize(device)) { DeviceId = device.Device });
        }
    }

    private static string Serialize<T>(T value) => LiveJson.Serialize(value);
}

/// <summary>A KPI report as the live stream sends it (the signature left out).</summary>
public sealed record KpiLive(
    string Scenario, string Site, string Device, long Seq, DateTimeOffset WindowStart, DateTimeOffset WindowEnd,
    IReadOnlyDictionary<string, double> Kpis, ModelInfo? Model)
{
    public static KpiLive From(KpiReport r) => new(r.Scenario, r.Site, r.Device, r.Seq, r.WindowStart, r.WindowEnd, r.Kpis, r.Model);
}
