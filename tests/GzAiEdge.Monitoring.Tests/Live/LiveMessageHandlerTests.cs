using System.Text;
using System.Text.Json;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Ingestion;
using GzAiEdge.Ingestion.Quota;
using GzAiEdge.Monitoring.Live;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GzAiEdge.Monitoring.Tests.Live;

/// <summary>The live feed's handling of one message, with the real registry and hub and a recording observer.</summary>
public sealed class LiveMessageHandlerTests : IDisposable
{
    private readonly DeviceRegistry _registry = new();
    private readonly LiveHub _hub = new();
    private readonly Observer _observer = new();
    private readonly OtherTopic _other = new();
    private readonly LiveHub.Subscription _stream;
    private readonly FakeTimeProvider _time = new();
    private readonly LiveMessageHandler _handler;

    public LiveMessageHandlerTests()
    {
        _stream = _hub.Subscribe();
        // A quota of a burst of 3 and then one message a second, so that a test can go over it in a few messages.
        var ingestion = Options.Create(new IngestionOptions { Quota = new QuotaOptions { Burst = 3, MessagesPerSecond = 1, MaxMessageBytes = 4096 } });
        _handler = new LiveMessageHandler(_registry, _hub, [_observer], [_other], ingestion, _time, NullLogger<LiveMessageHandler>.Instance);
    }

    public void Dispose() => _stream.Dispose();

    [Fact]
    public async Task A_report_updates_the_registry_tells_the_observers_and_streams_the_report_and_the_device()
    {
        var report = Reports.Kpi("flow", "cam-01", 1, new Dictionary<string, double> { ["mean_speed_kmh"] = 41.5 });

        await _handler.HandleAsync("gz/v1/site-1/cam-01/kpi", JsonSerializer.SerializeToUtf8Bytes(report, GzJsonContext.Default.KpiReport), CancellationToken.None);

        var (told, device) = Assert.Single(_observer.Reports);
        Assert.Equal(report.Seq, told.Seq);
        Assert.Equal(1, device.ReportsReceived);
        Assert.Equal("flow", _registry.Find("site-1", "cam-01")!.Scenario);
        var events = Streamed();
        Assert.Equal([LiveEvent.Kpi, LiveEvent.Device], events.Select(e => e.Type));
        Assert.All(events, e => Assert.True(e.Matches("flow", "site-1")));
        Assert.Equal(41.5, JsonDocument.Parse(events[0].Json).RootElement.GetProperty("kpis").GetProperty("mean_speed_kmh").GetDouble());
        Assert.DoesNotContain("\"sig\"", events[0].Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_state_change_is_told_to_the_observers_with_the_new_state()
    {
        await _handler.HandleAsync("gz/v1/site-1/cam-01/state",
            JsonSerializer.SerializeToUtf8Bytes(Reports.State("cam-01", DeviceState.Offline), GzJsonContext.Default.DeviceState), CancellationToken.None);

        Assert.Equal(DeviceState.Offline, Assert.Single(_observer.States).State);
        Assert.Equal([LiveEvent.Device], Streamed().Select(e => e.Type));
    }

    [Theory]
    [InlineData("gz/v1/site-1/cam-01/kpi", "{\"v\":1}")]
    [InlineData("gz/v1/site-2/cam-01/kpi", null)]
    [InlineData("not/a/gz/topic", null)]
    public async Task An_invalid_message_changes_nothing_and_tells_no_one(string topic, string? payload)
    {
        var report = Reports.Kpi("flow", "cam-01", 1, new Dictionary<string, double> { ["mean_speed_kmh"] = 40 });
        var bytes = payload is null ? JsonSerializer.SerializeToUtf8Bytes(report, GzJsonContext.Default.KpiReport) : Encoding.UTF8.GetBytes(payload);

        await _handler.HandleAsync(topic, bytes, CancellationToken.None);

        Assert.Empty(_registry.All());
        Assert.Empty(_observer.Reports);
        Assert.Empty(Streamed());
    }

    [Fact]
    public async Task A_device_event_is_streamed_under_the_scenario_of_the_devices_reports()
    {
        await _handler.HandleAsync("gz/v1/site-1/cam-01/kpi",
            JsonSerializer.SerializeToUtf8Bytes(Reports.Kpi("flow", "cam-01", 1, new Dictionary<string, double> { ["x"] = 1 }), GzJsonContext.Default.KpiReport), CancellationToken.None);
        Streamed();
        var deviceEvent = new DeviceEvent { V = 1, Site = "site-1", Device = "cam-01", Time = Reports.T0, Level = "warning", Code = "camera.stalled", Message = "no frame" };

        await _handler.HandleAsync("gz/v1/site-1/cam-01/event", JsonSerializer.SerializeToUtf8Bytes(deviceEvent, GzJsonContext.Default.DeviceEvent), CancellationToken.None);

        var streamed = Assert.Single(Streamed());
        Assert.Equal((LiveEvent.DeviceEventType, "flow", "site-1"), (streamed.Type, streamed.Scenario, streamed.Site));
    }

    [Fact]
    public async Task A_device_over_its_quota_is_not_read_and_the_observers_are_told_when_it_goes_over_and_when_it_is_back()
    {
        byte[] Report(long seq) => JsonSerializer.SerializeToUtf8Bytes(Reports.Kpi("flow", "cam-01", seq, new Dictionary<string, double> { ["mean_speed_kmh"] = 40 }),
            GzJsonContext.Default.KpiReport);

        for (var seq = 1; seq <= 5; seq++)
        {
            await _handler.HandleAsync("gz/v1/site-1/cam-01/kpi", Report(seq), CancellationToken.None);
        }

        await _handler.HandleAsync("gz/v1/site-1/cam-02/kpi", new byte[5000], CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(1));
        await _handler.HandleAsync("gz/v1/site-1/cam-01/kpi", Report(6), CancellationToken.None);

        Assert.Equal([1L, 2, 3, 6], _observer.Reports.Select(r => r.Report.Seq));
        Assert.Collection(_observer.Quota,
            q => Assert.Equal(("site-1", "cam-01", true, "flow"), (q.Site, q.Device, q.Reason!.StartsWith("quota: over the 1 messages per second", StringComparison.Ordinal), q.Known!.Scenario)),
            q => Assert.Equal(("site-1", "cam-02", true, (DeviceView?)null), (q.Site, q.Device, q.Reason!.StartsWith("quota: 5000 bytes", StringComparison.Ordinal), q.Known)),
            q => Assert.Equal(("site-1", "cam-01", (string?)null), (q.Site, q.Device, q.Reason)));
    }

    [Fact]
    public async Task A_message_on_another_areas_topic_goes_to_its_handler_alone()
    {
        await _handler.HandleAsync(OtherTopic.Name, "{\"scenario\":\"flow\"}"u8.ToArray(), CancellationToken.None);

        Assert.Equal("{\"scenario\":\"flow\"}", Assert.Single(_other.Received));
        Assert.Equal([OtherTopic.Name], _handler.OtherTopics);
        Assert.Empty(_registry.All());
        Assert.Empty(Streamed());
    }

    private List<LiveEvent> Streamed()
    {
        var events = new List<LiveEvent>();
        while (_stream.Events.TryRead(out var e))
        {
            events.Add(e);
        }

        return events;
    }

    private sealed class Observer : IDeviceObserver
    {
        public List<(KpiReport Report, DeviceView Device)> Reports { get; } = [];

        public List<DeviceView> States { get; } = [];

        public List<(string Site, string Device, DeviceView? Known, string? Reason)> Quota { get; } = [];

        public Task OnQuotaAsync(string site, string device, DeviceView? known, string? reason, CancellationToken cancellationToken)
        {
            Quota.Add((site, device, known, reason));
            return Task.CompletedTask;
        }

        public Task OnKpiAsync(KpiReport report, DeviceView device, CancellationToken cancellationToken)
        {
            Reports.Add((report, device));
            return Task.CompletedTask;
        }

        public Task OnStateAsync(DeviceView device, CancellationToken cancellationToken)
        {
            States.Add(device);
            return Task.CompletedTask;
        }
    }

    private sealed class OtherTopic : ILiveTopicHandler
    {
        public const string Name = "gz/v1/other";

        public List<string> Received { get; } = [];

        public string Topic => Name;

        public void Handle(ReadOnlySpan<byte> payload) => Received.Add(Encoding.UTF8.GetString(payload));
    }
}
