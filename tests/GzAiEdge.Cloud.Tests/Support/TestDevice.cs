using System.Text.Json;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Topics;
using GzAiEdge.Mqtt;
using GzAiEdge.Testing;

namespace GzAiEdge.Cloud.Tests.Support;

/// <summary>
/// A device speaking the v1 contract to a real broker, scripted by a test: retained online state
/// with an offline last will, KPI reports with consecutive sequence numbers, heartbeats, events.
/// </summary>
public sealed class TestDevice : IAsyncDisposable
{
    private readonly MqttClient _client;
    private long _seq;

    private TestDevice(MqttClient client, string site, string device, string scenario)
    {
        _client = client;
        Site = site;
        Device = device;
        Scenario = scenario;
    }

    public string Site { get; }

    public string Device { get; }

    public string Scenario { get; }

    public static async Task<TestDevice> ConnectAsync(MosquittoBroker broker, string site, string device, string scenario)
    {
        var will = State(site, device, DeviceState.Offline);
        var client = new MqttClient(new MqttClientOptions
        {
            Host = broker.Host,
            Port = broker.Port,
            ClientId = $"test-{site}-{device}",
            Will = new MqttWill(GzTopic.Create(site, device, MessageKind.State).ToString(), will) { Retain = true },
        });
        await client.ConnectAsync(CancellationToken.None);
        var testDevice = new TestDevice(client, site, device, scenario);
        await testDevice.PublishAsync(MessageKind.State, State(site, device, DeviceState.Online), retain: true);
        return testDevice;
    }

    /// <summary>Publishes the next report, its window ending now.</summary>
    public Task PublishKpiAsync(IReadOnlyDictionary<string, double> kpis, ModelInfo? model = null)
    {
        var end = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var report = new KpiReport
        {
            V = 1,
            Site = Site,
            Device = Device,
            Scenario = Scenario,
            Seq = ++_seq,
            WindowStart = end.AddSeconds(-1),
            WindowEnd = end,
            Kpis = kpis,
            Model = model,
        };
        return PublishAsync(MessageKind.Kpi, JsonSerializer.SerializeToUtf8Bytes(report, GzJsonContext.Default.KpiReport));
    }

    /// <summary>Skips sequence numbers, as a device whose reports were lost would.</summary>
    public void Skip(int count) => _seq += count;

    public Task HeartbeatAsync(long? outboxDepth, DeviceHealth? health = null) =>
        PublishAsync(MessageKind.Heartbeat, JsonSerializer.SerializeToUtf8Bytes(new Heartbeat
        {
            V = 1,
            Site = Site,
            Device = Device,
            Time = DateTimeOffset.UtcNow,
            UptimeSeconds = 42,
            LastSeq = _seq,
            OutboxDepth = outboxDepth,
            Health = health,
        }, GzJsonContext.Default.Heartbeat));

    public Task EventAsync(string level, string code, string message) =>
        PublishAsync(MessageKind.Event, JsonSerializer.SerializeToUtf8Bytes(new DeviceEvent
        {
            V = 1,
            Site = Site,
            Device = Device,
            Time = DateTimeOffset.UtcNow,
            Level = level,
            Code = code,
            Message = message,
        }, GzJsonContext.Default.DeviceEvent));

    /// <summary>Drops off the way a crashed device does: the broker publishes the offline will.</summary>
    public Task DieAsync() => _client.DisconnectAsync(MqttReasonCode.DisconnectWithWillMessage);

    public ValueTask DisposeAsync() => _client.DisposeAsync();

    private Task PublishAsync(MessageKind kind, byte[] payload, bool retain = false) =>
        _client.PublishAsync(new MqttApplicationMessage(GzTopic.Create(Site, Device, kind).ToString(), payload) { Retain = retain }, CancellationToken.None).AsTask();

    private static byte[] State(string site, string device, string state) =>
        JsonSerializer.SerializeToUtf8Bytes(new DeviceState { V = 1, Site = site, Device = device, State = state, Time = DateTimeOffset.UtcNow },
            GzJsonContext.Default.DeviceState);
}
