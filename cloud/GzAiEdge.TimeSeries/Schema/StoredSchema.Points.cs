using System.Text.Json;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;

namespace GzAiEdge.TimeSeries;

/// <summary>The point each message kind is stored as (names in <c>StoredSchema.cs</c>).</summary>
public static partial class StoredSchema
{
    /// <summary>
    /// The KPI point. Beside the KPIs it keeps what the verifier needs to rebuild the report's
    /// canonical bytes exactly (window start, model, prev, kid; KPI floats are written in shortest
    /// round-trip form and InfluxDB returns them so, so they come back bit for bit), the signature,
    /// and <c>hash</c>: SHA-256 of the canonical bytes of the report as it arrived, which tells a
    /// report changed in storage from one changed before it arrived.
    /// </summary>
    public static LinePoint Kpi(KpiReport report, string sector, string hash)
    {
        var fields = new List<KeyValuePair<string, FieldValue>>(report.Kpis.Count + 10)
        {
            new(KpiField.Seq, FieldValue.Integer(report.Seq)),
            new(KpiField.WindowStartNs, FieldValue.Integer(LinePoint.ToUnixNanoseconds(report.WindowStart))),
            new(KpiField.Hash, FieldValue.String(hash)),
        };
        AddIfPresent(fields, KpiField.Prev, report.Prev);
        AddIfPresent(fields, KpiField.Kid, report.Kid);
        AddIfPresent(fields, KpiField.Sig, report.Sig);
        AddIfPresent(fields, KpiField.ModelName, report.Model?.Name);
        AddIfPresent(fields, KpiField.ModelVersion, report.Model?.Version);
        AddIfPresent(fields, KpiField.ModelSha256, report.Model?.Sha256);

        // KPIs are always floats: InfluxDB fixes a field's type on first write, and a KPI that
        // happened to be whole in its first window must not reject every later fractional value.
        foreach (var (name, value) in report.Kpis)
        {
            fields.Add(new(name, FieldValue.Float(value)));
        }

        // A field, not a tag: a report's identity (and so idempotency) must not depend on it, and
        // evaluation reads the versions seen with SELECT DISTINCT("model").
        if (report.Model is { } model)
        {
            fields.Add(new(KpiField.Model, FieldValue.String($"{model.Name}@{model.Version}")));
        }

        return new LinePoint(Measurement.Kpi,
            [new(Tag.Site, report.Site), new(Tag.Device, report.Device), new(Tag.Scenario, report.Scenario), new(Tag.Sector, sector)],
            fields, LinePoint.ToUnixNanoseconds(report.WindowEnd));
    }

    public static LinePoint Heartbeat(Heartbeat heartbeat)
    {
        var fields = new List<KeyValuePair<string, FieldValue>>
        {
            new(HeartbeatField.UptimeSeconds, FieldValue.Integer(heartbeat.UptimeSeconds)),
            new(HeartbeatField.LastSeq, FieldValue.Integer(heartbeat.LastSeq)),
        };
        if (heartbeat.OutboxDepth is { } depth)
        {
            fields.Add(new(HeartbeatField.OutboxDepth, FieldValue.Integer(depth)));
        }

        if (heartbeat.OutboxEvicted is { } evicted)
        {
            fields.Add(new(HeartbeatField.OutboxEvicted, FieldValue.Integer(evicted)));
        }

        foreach (var (name, value) in new[] { (HeartbeatField.EvidenceHeld, heartbeat.EvidenceHeld), (HeartbeatField.EvidenceBytes, heartbeat.EvidenceBytes), (HeartbeatField.EvidenceEvicted, heartbeat.EvidenceEvicted) })
        {
            if (value is { } v)
            {
                fields.Add(new(name, FieldValue.Integer(v)));
            }
        }

        if (heartbeat.Health is { } health)
        {
            HealthFields.AddTo(fields, health);
        }

        return new LinePoint(Measurement.Heartbeat, DeviceTags(heartbeat), fields, LinePoint.ToUnixNanoseconds(heartbeat.Time));
    }

    public static LinePoint State(DeviceState state) =>
        new(Measurement.State, DeviceTags(state), [new(StateField.State, FieldValue.String(state.State))], LinePoint.ToUnixNanoseconds(state.Time));

    public static LinePoint Event(DeviceEvent e)
    {
        var fields = new List<KeyValuePair<string, FieldValue>>
        {
            new(EventField.Level, FieldValue.String(e.Level)), new(EventField.Code, FieldValue.String(e.Code)), new(EventField.Message, FieldValue.String(e.Message)),
        };
        AddIfPresent(fields, EventField.CommandId, e.CommandId);
        return new LinePoint(Measurement.Event, DeviceTags(e), fields, LinePoint.ToUnixNanoseconds(e.Time));
    }

    /// <summary>
    /// A command the cloud sent a device, as it went out on the device's cmd topic: the record of who was told
    /// what and when, beside the events in which the device answered it (same command id).
    /// </summary>
    public static LinePoint Command(DeviceCommand command) =>
        new(Measurement.Command, DeviceTags(command),
            [
                new(CommandField.Id, FieldValue.String(command.Id)), new(CommandField.Type, FieldValue.String(command.Type)),
                new(CommandField.Arguments, FieldValue.String(JsonSerializer.Serialize(command.Arguments ?? new Dictionary<string, string>(), GzJsonContext.Default.IReadOnlyDictionaryStringString))),
                new(CommandField.ExpiresNs, FieldValue.Integer(LinePoint.ToUnixNanoseconds(command.Expires))),
            ],
            LinePoint.ToUnixNanoseconds(command.Issued));

    public static LinePoint Checkpoint(Checkpoint checkpoint)
    {
        var fields = new List<KeyValuePair<string, FieldValue>>
        {
            new(CheckpointField.Seq, FieldValue.Integer(checkpoint.Seq)),
            new(CheckpointField.Head, FieldValue.String(checkpoint.Head)),
        };
        AddIfPresent(fields, CheckpointField.Kid, checkpoint.Kid);
        AddIfPresent(fields, CheckpointField.Sig, checkpoint.Sig);
        return new LinePoint(Measurement.Checkpoint, DeviceTags(checkpoint), fields, LinePoint.ToUnixNanoseconds(checkpoint.Time));
    }

    private static void AddIfPresent(List<KeyValuePair<string, FieldValue>> fields, string name, string? value)
    {
        if (value is not null)
        {
            fields.Add(new(name, FieldValue.String(value)));
        }
    }

    private static KeyValuePair<string, string>[] DeviceTags(IDeviceMessage message) =>
        [new(Tag.Site, message.Site), new(Tag.Device, message.Device)];
}
