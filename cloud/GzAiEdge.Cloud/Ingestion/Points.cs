using GzAiEdge.Cloud.TimeSeries;
using GzAiEdge.Contracts.Messages;

namespace GzAiEdge.Cloud.Ingestion;

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

    public static LinePoint Kpi(KpiReport report, string sector)
    {
        var fields = new List<KeyValuePair<string, FieldValue>>(report.Kpis.Count + 1)
        {
            new("seq", FieldValue.Integer(report.Seq)),
        };

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

        return new LinePoint(HeartbeatMeasurement, DeviceTags(heartbeat), fields, LinePoint.ToUnixNanoseconds(heartbeat.Time));
    }

    public static LinePoint State(DeviceState state) =>
        new(StateMeasurement, DeviceTags(state), [new("state", FieldValue.String(state.State))], LinePoint.ToUnixNanoseconds(state.Time));

    public static LinePoint Event(DeviceEvent e) =>
        new(EventMeasurement, DeviceTags(e),
            [new("level", FieldValue.String(e.Level)), new("code", FieldValue.String(e.Code)), new("message", FieldValue.String(e.Message))],
            LinePoint.ToUnixNanoseconds(e.Time));

    private static KeyValuePair<string, string>[] DeviceTags(IDeviceMessage message) =>
        [new("site", message.Site), new("device", message.Device)];
}
