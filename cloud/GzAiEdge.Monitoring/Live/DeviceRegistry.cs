using GzAiEdge.Contracts.Messages;

namespace GzAiEdge.Monitoring.Live;

/// <summary>
/// The devices this instance has heard of, kept current by its own live subscription. The retained
/// <c>state</c> topic (and the broker's last will) arrives on subscribe, so every device that ever
/// connected is known with its online/offline state from the first second.
/// </summary>
public sealed class DeviceRegistry
{
    public const string Unknown = "unknown";
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Site, string Device), Entry> _devices = [];

    public DeviceView OnState(DeviceState state) => Update(state.Site, state.Device, e =>
    {
        e.State = state.State;
        e.StateSince = state.Time;
    });

    public DeviceView OnHeartbeat(Heartbeat heartbeat) => Update(heartbeat.Site, heartbeat.Device, e =>
    {
        e.LastHeartbeat = heartbeat.Time;
        e.UptimeSeconds = heartbeat.UptimeSeconds;
        e.LastSeq = heartbeat.LastSeq;
        e.OutboxDepth = heartbeat.OutboxDepth ?? e.OutboxDepth;
        e.Health = heartbeat.Health;
    });

    public DeviceView OnKpi(KpiReport report) => Update(report.Site, report.Device, e =>
    {
        e.Scenario = report.Scenario;
        e.ModelName = report.Model?.Name ?? e.ModelName;
        e.ModelVersion = report.Model?.Version ?? e.ModelVersion;
        if (e.LastReport is null || report.WindowEnd >= e.LastReport)
        {
            e.LastReport = report.WindowEnd;
            e.LatestKpis = report.Kpis;
        }

        // Redeliveries and replays of older windows do not count twice: only a new highest seq counts.
        e.FirstSeq ??= report.Seq;
        if (e.MaxSeq is null || report.Seq > e.MaxSeq)
        {
            e.MaxSeq = report.Seq;
            e.Received++;
        }
    });

    public IReadOnlyList<DeviceView> All()
    {
        lock (_gate)
        {
            return [.. _devices.OrderBy(d => d.Key.Site, StringComparer.Ordinal).ThenBy(d => d.Key.Device, StringComparer.Ordinal)
                .Select(d => d.Value.View(d.Key.Site, d.Key.Device))];
        }
    }

    public DeviceView? Find(string site, string device)
    {
        lock (_gate)
        {
            return _devices.TryGetValue((site, device), out var entry) ? entry.View(site, device) : null;
        }
    }

    private DeviceView Update(string site, string device, Action<Entry> change)
    {
        lock (_gate)
        {
            if (!_devices.TryGetValue((site, device), out var entry))
            {
                entry = new Entry();
                _devices.Add((site, device), entry);
            }

            change(entry);
            return entry.View(site, device);
        }
    }

    private sealed class Entry
    {
        public string State { get; set; } = Unknown;

        public DateTimeOffset? StateSince { get; set; }

        public DateTimeOffset? LastHeartbeat { get; set; }

        public long? UptimeSeconds { get; set; }

        public long? LastSeq { get; set; }

        public long? OutboxDepth { get; set; }

        public DeviceHealth? Health { get; set; }

        public string? Scenario { get; set; }

        public string? ModelName { get; set; }

        public string? ModelVersion { get; set; }

        public DateTimeOffset? LastReport { get; set; }

        public IReadOnlyDictionary<string, double>? LatestKpis { get; set; }

        public long? FirstSeq { get; set; }

        public long? MaxSeq { get; set; }

        public long Received { get; set; }

        public DeviceView View(string site, string device) => new(
            site, device, State, StateSince, LastHeartbeat, UptimeSeconds, LastSeq, OutboxDepth, Scenario,
            ModelName, ModelVersion, LastReport, LatestKpis, Received,
            MaxSeq is { } max && FirstSeq is { } first ? Math.Min(1, Received / (double)(max - first + 1)) : null,
            Health);
    }
}
