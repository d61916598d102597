namespace GzAiEdge.TimeSeries;

/// <summary>
/// What the cloud stores in InfluxDB for each message kind (ARCHITECTURE.md, Contracts): the one definition of
/// every measurement, tag and field name. A KPI point is keyed by site, device, scenario, sector and the window end,
/// so a redelivered report lands on the same point. The points are built in <c>StoredSchema.Points.cs</c>; every query
/// against them is a reader beside this (<see cref="KpiReader"/>, <see cref="DeviceEventReader"/>,
/// <see cref="ScenarioReader"/>, <see cref="ChainReader"/>).
/// </summary>
public static partial class StoredSchema
{
    /// <summary>Measurement names, one per stored message kind.</summary>
    public static class Measurement
    {
        public const string Kpi = "kpi";
        public const string Heartbeat = "heartbeat";
        public const string State = "device_state";
        public const string Event = "device_event";
        public const string Checkpoint = "checkpoint";
        public const string Command = "device_command";
    }

    /// <summary>Tag keys. Every point carries site and device; a KPI point also scenario and sector.</summary>
    public static class Tag
    {
        public const string Site = "site";
        public const string Device = "device";
        public const string Scenario = "scenario";
        public const string Sector = "sector";

        /// <summary>The KPI point's tags, in the order the latest-KPI query groups by them.</summary>
        public static readonly IReadOnlyList<string> OfKpi = [Site, Device, Scenario, Sector];
    }

    /// <summary>The time column every query answers with (the point's timestamp, nanoseconds with <c>epoch=ns</c>).</summary>
    public const string Time = "time";

    /// <summary>Fields of a KPI point beside the KPIs themselves.</summary>
    public static class KpiField
    {
        public const string Seq = "seq";
        public const string WindowStartNs = "window_start_ns";
        public const string Hash = "hash";
        public const string Prev = "prev";
        public const string Kid = "kid";
        public const string Sig = "sig";
        public const string ModelName = "model_name";
        public const string ModelVersion = "model_version";
        public const string ModelSha256 = "model_sha256";

        /// <summary><c>name@version</c>, which evaluation lists with <c>SELECT DISTINCT</c>.</summary>
        public const string Model = "model";

        /// <summary>Fields that are not KPIs: the chain, the signature and what rebuilds the canonical bytes.</summary>
        public static readonly IReadOnlySet<string> Chain = new HashSet<string>(StringComparer.Ordinal)
        {
            WindowStartNs, Hash, Prev, Kid, Sig, ModelName, ModelVersion, ModelSha256, Model,
        };

        /// <summary>Whether a column of a KPI point holds a KPI: not the time, a tag, the seq or a chain field.</summary>
        public static bool IsKpi(string column) =>
            column != Time && column != Seq && !Tag.OfKpi.Contains(column) && !Chain.Contains(column);
    }

    /// <summary>Fields of a heartbeat point (the health readings are in <see cref="HealthFields"/>).</summary>
    public static class HeartbeatField
    {
        public const string UptimeSeconds = "uptime_s";
        public const string LastSeq = "last_seq";
        public const string OutboxDepth = "outbox_depth";
        public const string OutboxEvicted = "outbox_evicted";
        public const string EvidenceHeld = "evidence_held";
        public const string EvidenceBytes = "evidence_bytes";
        public const string EvidenceEvicted = "evidence_evicted";
    }

    /// <summary>The field of a device state point.</summary>
    public static class StateField
    {
        public const string State = "state";
    }

    /// <summary>Fields of a device event point.</summary>
    public static class EventField
    {
        public const string Level = "level";
        public const string Code = "code";
        public const string Message = "message";
        public const string CommandId = "command_id";
    }

    /// <summary>Fields of a checkpoint point.</summary>
    public static class CheckpointField
    {
        public const string Seq = "seq";
        public const string Head = "head";
        public const string Kid = "kid";
        public const string Sig = "sig";
    }

    /// <summary>Fields of a device command point.</summary>
    public static class CommandField
    {
        public const string Id = "id";
        public const string Type = "type";
        public const string Arguments = "arguments";
        public const string ExpiresNs = "expires_ns";
    }
}
