using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Contracts.Topics;
using GzAiEdge.Contracts.Validation;
using GzAiEdge.Scenarios.Catalogue;
using GzAiEdge.TimeSeries;

namespace GzAiEdge.Ingestion;

/// <summary>
/// Validates one message and maps it to its InfluxDB point. Stateless: any ingestion instance
/// maps any message the same way, which is what lets instances share a subscription.
/// </summary>
public sealed class MessageMapper(ScenarioCatalogue catalogue)
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
                MessageKind.Heartbeat => Read(payload, GzJsonContext.Default.Heartbeat, topic, StoredSchema.Heartbeat),
                MessageKind.State => Read(payload, GzJsonContext.Default.DeviceState, topic, StoredSchema.State),
                MessageKind.Event => Read(payload, GzJsonContext.Default.DeviceEvent, topic, StoredSchema.Event),
                MessageKind.Checkpoint => Read(payload, GzJsonContext.Default.Checkpoint, topic, StoredSchema.Checkpoint),

                // The cloud's own commands pass the shared subscription too: kept as the record of what was sent.
                MessageKind.Cmd => Read(payload, GzJsonContext.Default.DeviceCommand, topic, StoredSchema.Command),
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

        // Evaluation scores by sector, so a report for a scenario the catalogue lacks cannot be placed.
        return catalogue.TryGet(report.Scenario, out var scenario)
            ? Mapped.Store(StoredSchema.Kpi(report, scenario.SectorTag, ChainHash.Of(report)))
            : Mapped.Reject($"scenario = '{report.Scenario}': not in the scenario catalogue");
    }

    private static Mapped Read<T>(ReadOnlySpan<byte> payload, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type,
        GzTopic topic, Func<T, LinePoint> toPoint)
        where T : class, IDeviceMessage =>
        MessageReader.TryRead(payload, type, topic, out var message, out var errors)
            ? Mapped.Store(toPoint(message))
            : Mapped.Reject(ContractError.Join(errors));
}
