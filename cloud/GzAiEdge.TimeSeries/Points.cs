using System.Text.Json;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;

namespace GzAiEdge.TimeSeries;

/// <summary>
/// The InfluxDB schema of each message kind (ARCHITECTURE.md, Contracts). A KPI point is keyed by
/// site, device, scenario, sector and the window end: a redelivered report lands on the same point.
/// </summary>
public static class Points
{
    public const string KpiMeasurement = "kpi";
    public const string HeartbeatMeasurement = "heartbeat";
    public const string StateMeasurement = "device_state";
    public const string EventMeasurement = "device_event";
    public const string CheckpointMeasurement = "checkpoint";
    public const string CommandMeasurement = "device_command";

    /// <summary>Fields of a KPI point that are not KPIs: the chain, the signature and what rebuilds the canonical bytes.</summary>
    public static readonly IReadOnlySet<string> ChainFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "window_start_ns", "hash", "prev", "kid", "sig", "model_name", "model_version", "model_sha256", "model",
    };

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
            new("seq", FieldValue.Integer(report.Seq)),
            new("window_start_ns", FieldValue.Integer(LinePoint.ToUnixNanoseconds(report.WindowStart))),
            new("hash", FieldValue.String(hash)),
        };
        AddIfPresent(fields, "prev", report.Prev);
        AddIfPresent(fields, "kid", report.Kid);
        AddIfPresent(fields, "sig", report.Sig);
        AddIfPresent(fields, "model_name", report.Model?.Name);
        AddIfPresent(fields, "model_version", report.Model?.Version);
        AddIfPresent(fields, "model_sha256", report.Model?.Sha256);

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
            fields.Add(new("model", FieldValue.String($"{model.Name}@{model.Version}")));
        }

        return new LinePoint(KpiMeasurement,
            [new("site", report.Site), new("device", report.Device), new("scenario", report.Scenario), new("sector", sector)],
            fields, LinePoint.ToUnixNanoseconds(report.WindowEnd));
    }

    public static LinePoint Heartbeat(Heartbeat heartbeat)
    {
        var fields = new List<KeyValuePair<string, FieldValue>>
        {
            new("uptime_s", FieldValue.Integer(heartbeat.UptimeSeconds)),
            new("last_seq", FieldValue.Integer(heartbeat.LastSeq)),
        };
        if (heartbeat.OutboxDepth is { } depth)
        {
            fields.Add(new("outbox_depth", FieldValue.Integer(depth)));
        }

        if (heartbeat.OutboxEvicted is { } evicted)
        {
            fields.Add(new("outbox_evicted", FieldValue.Integer(evicted)));
        }

        if (heartbeat.Health is { } health)
        {
            HealthFields.AddTo(fields, health);
        }

        return new LinePoint(HeartbeatMeasurement, DeviceTags(heartbeat), fields, LinePoint.ToUnixNanoseconds(heartbeat.Time));
    }

    public static LinePoint State(DeviceState state) =>
        new(StateMeasurement, DeviceTags(state), [new("state", FieldValue.String(state.State))], LinePoint.ToUnixNanoseconds(state.Time));

    public static LinePoint Event(DeviceEvent e)
    {
        var fields = new List<KeyValuePair<string, FieldValue>>
        {
            new("level", FieldValue.String(e.Level)), new("code", FieldValue.String(e.Code)), new("message", FieldValue.String(e.Message)),
        };
        AddIfPresent(fields, "command_id", e.CommandId);
        return new LinePoint(EventMeasurement, DeviceTags(e), fields, LinePoint.ToUnixNanoseconds(e.Time));
    }

    /// <summary>
    /// A command the cloud sent a device, as it went out on the device's cmd topic: the record of who was told
    /// what and when, beside the events in which the device answered it (same command id).
    /// </summary>
    public static LinePoint Command(DeviceCommand command) =>
        new(CommandMeasurement, DeviceTags(command),
            [
                new("id", FieldValue.String(command.Id)), new("type", FieldValue.String(command.Type)),
                new("arguments", FieldValue.String(JsonSerializer.Serialize(command.Arguments ?? new Dictionary<string, string>(), GzJsonContext.Default.IReadOnlyDictionaryStringString))),
                new("expires_ns", FieldValue.Integer(LinePoint.ToUnixNanoseconds(command.Expires))),
            ],
            LinePoint.ToUnixNanoseconds(command.Issued));

    public static LinePoint Checkpoint(Checkpoint checkpoint)
    {
        var fields = new List<KeyValuePair<string, FieldValue>>
        {
            new("seq", FieldValue.Integer(checkpoint.Seq)),
            new("head", FieldValue.String(checkpoint.Head)),
        };
        AddIfPresent(fields, "kid", checkpoint.Kid);
        AddIfPresent(fields, "sig", checkpoint.Sig);
        return new LinePoint(CheckpointMeasurement, DeviceTags(checkpoint), fields, LinePoint.ToUnixNanoseconds(checkpoint.Time));
    }

    private static void AddIfPresent(List<KeyValuePair<string, FieldValue>> fields, string name, string? value)
    {
        if (value is not null)
        {
            fields.Add(new(name, FieldValue.String(value)));
        }
    }

    private static KeyValuePair<string, string>[] DeviceTags(IDeviceMessage message) =>
        [new("site", message.Site), new("device", message.Device)];
}
