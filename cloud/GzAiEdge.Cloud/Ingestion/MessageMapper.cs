using GzAiEdge.Cloud.TimeSeries;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Topics;
using GzAiEdge.Contracts.Validation;
using GzAiEdge.Scenarios.Catalogue;

namespace GzAiEdge.Cloud.Ingestion;

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

        return topic.Kind switch
        {
            MessageKind.Kpi => MapKpi(payload, topic),
            MessageKind.Heartbeat => Read(payload, GzJsonContext.Default.Heartbeat, topic, h => Points.Heartbeat(h)),
            MessageKind.State => Read(payload, GzJsonContext.Default.DeviceState, topic, s => Points.State(s)),
            MessageKind.Event => Read(payload, GzJsonContext.Default.DeviceEvent, topic, e => Points.Event(e)),
            _ => Mapped.Reject($"kind '{GzTopic.KindSegment(topic.Kind)}' is sent to devices, not ingested"),
        };
    }

    private Mapped MapKpi(ReadOnlySpan<byte> payload, GzTopic topic)
    {
        if (!MessageReader.TryRead(payload, GzJsonContext.Default.KpiReport, topic, out var report, out var errors))
        {
            return Mapped.Reject(ContractError.Join(errors));
        }

        // Evaluation scores by sector, so a report for a scenario the catalogue lacks cannot be placed.
        return catalogue.TryGet(report.Scenario, out var scenario)
            ? ToPoint(() => Points.Kpi(report, scenario.SectorTag))
            : Mapped.Reject($"scenario = '{report.Scenario}': not in the scenario catalogue");
    }

    private static Mapped Read<T>(ReadOnlySpan<byte> payload, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type,
        GzTopic topic, Func<T, LinePoint> toPoint)
        where T : class, IDeviceMessage =>
        MessageReader.TryRead(payload, type, topic, out var message, out var errors)
            ? ToPoint(() => toPoint(message))
            : Mapped.Reject(ContractError.Join(errors));

    private static Mapped ToPoint(Func<LinePoint> toPoint)
    {
        try
        {
            return Mapped.Store(toPoint());
        }
        catch (OverflowException)
        {
            return Mapped.Reject("time: outside 1677-09-21 .. 2262-04-11, the range InfluxDB can store");
        }
    }
}
