using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Contracts.Topics;
using GzAiEdge.Contracts.Validation;
using GzAiEdge.Ingestion.Bounds;
using GzAiEdge.Scenarios.Catalogue;
using GzAiEdge.TimeSeries;

namespace GzAiEdge.Ingestion;

/// <summary>
/// Validates one message, holds it to what a device may claim (<see cref="ReportBounds"/>) and maps it to its
/// InfluxDB point. Stateless: any ingestion instance maps any message the same way, which is what lets instances
/// share a subscription.
/// </summary>
public sealed class MessageMapper(ScenarioCatalogue catalogue, ReportBounds bounds)
{
    public Mapped Map(string topicName, ReadOnlySpan<byte> payload)
    {
        if (!GzTopic.TryParse(topicName, out var topic, out var topicError))
        {
            return Mapped.Reject(topicError);
        }

        try
        {
            return topic.Kind switch
            {
                MessageKind.Kpi => MapKpi(payload, topic),
                MessageKind.Heartbeat => Read(payload, GzJsonContext.Default.Heartbeat, topic, StoredSchema.Heartbeat, h => h.Time),
                MessageKind.Event => Read(payload, GzJsonContext.Default.DeviceEvent, topic, StoredSchema.Event, e => e.Time),
                MessageKind.Checkpoint => Read(payload, GzJsonContext.Default.Checkpoint, topic, StoredSchema.Checkpoint, c => c.Time),

                // A last will carries the time its device connected, which may be long ago: its time is not bounded.
                MessageKind.State => Read(payload, GzJsonContext.Default.DeviceState, topic, StoredSchema.State, null),

                // The cloud's own commands pass the shared subscription too: kept as the record of what was sent.
                MessageKind.Cmd => Read(payload, GzJsonContext.Default.DeviceCommand, topic, StoredSchema.Command, null),
                _ => Mapped.Reject($"kind '{GzTopic.KindSegment(topic.Kind)}' is not ingested"),
            };
        }
        catch (OverflowException)
        {
            // A valid contract time that nanoseconds since 1970 cannot hold (LinePoint.ToUnixNanoseconds).
            return Mapped.Reject("time: outside 1677-09-21 .. 2262-04-11, the range InfluxDB can store");
        }
    }

    private Mapped MapKpi(ReadOnlySpan<byte> payload, GzTopic topic)
    {
        if (!MessageReader.TryRead(payload, GzJsonContext.Default.KpiReport, topic, out var report, out var errors))
        {
            return Mapped.Reject(ContractError.Join(errors));
        }

        // Evaluation scores by sector, so a report for a scenario the catalogue lacks cannot be placed; and a device
        // speaks only for the scenarios that list it.
        if ((bounds.CheckListed(report.Scenario, report.Site, report.Device) ?? bounds.CheckTime("windowEnd", report.WindowEnd)) is { } refused)
        {
            return Mapped.Reject(refused);
        }

        catalogue.TryGet(report.Scenario, out var scenario);
        return Mapped.Store(StoredSchema.Kpi(report, scenario!.SectorTag, ChainHash.Of(report)));
    }

    private Mapped Read<T>(ReadOnlySpan<byte> payload, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type,
        GzTopic topic, Func<T, LinePoint> toPoint, Func<T, DateTimeOffset>? timeOf)
        where T : class, IDeviceMessage
    {
        if (!MessageReader.TryRead(payload, type, topic, out var message, out var errors))
        {
            return Mapped.Reject(ContractError.Join(errors));
        }

        return timeOf is not null && bounds.CheckTime("time", timeOf(message)) is { } refused ? Mapped.Reject(refused) : Mapped.Store(toPoint(message));
    }
}
