using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GzAiEdge.Cloud.Tests.Support;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Mqtt;
using GzAiEdge.Testing;

namespace GzAiEdge.Cloud.Tests.Api;

/// <summary>Devices, alerts and the live stream, driven by scripted devices through the real broker.</summary>
[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed class DeviceAndAlertApiTests(CloudHost host) : IClassFixture<CloudHost>
{
    private const string Vitals = "med-yuexiu-vitals";

    [Fact]
    public async Task A_device_is_online_with_heartbeat_outbox_and_model_then_offline_by_its_will_which_raises_and_clears_an_alert()
    {
        await using (var device = await TestDevice.ConnectAsync(host.Broker, "yuexiu-03", "offline-01", Vitals))
        {
            await device.PublishKpiAsync(new Dictionary<string, double> { ["spo2_mean"] = 97 }, new ModelInfo("vitals-cls", "1.4.2", new string('a', 64)));
            await device.HeartbeatAsync(outboxDepth: 7);
            var seen = await WaitForDeviceAsync("offline-01", d => d.GetProperty("outboxDepth").ValueKind == JsonValueKind.Number);
            Assert.Equal("online", seen.GetProperty("state").GetString());
            Assert.Equal(7, seen.GetProperty("outboxDepth").GetInt64());
            Assert.Equal("1.4.2", seen.GetProperty("modelVersion").GetString());
            Assert.Equal(Vitals, seen.GetProperty("scenario").GetString());
            Assert.NotEqual(JsonValueKind.Null, seen.GetProperty("lastHeartbeat").ValueKind);

            await device.DieAsync();
        }

        await WaitForDeviceAsync("offline-01", d => d.GetProperty("state").GetString() == "offline");
        var raised = await WaitForAlertAsync("offline-01", a => a.GetProperty("kind").GetString() == "offline" && a.GetProperty("active").GetBoolean());
        Assert.Equal("vital-signs-monitoring/offline", raised.GetProperty("rule").GetString());

        await using var back = await TestDevice.ConnectAsync(host.Broker, "yuexiu-03", "offline-01", Vitals);
        await WaitForAlertAsync("offline-01", a => a.GetProperty("id").GetInt64() == raised.GetProperty("id").GetInt64() && !a.GetProperty("active").GetBoolean());
        var site = await host.GetAsync("/api/v1/sites/yuexiu-03");
        Assert.Contains(Vitals, site.GetProperty("scenarios").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task A_KPI_beyond_threshold_for_N_windows_raises_one_alert_on_the_broker_which_clears_when_the_KPI_recovers()
    {
        await using var watcher = new MqttClient(new MqttClientOptions { Host = host.Broker.Host, Port = host.Broker.Port, ClientId = "alert-watcher" });
        await watcher.ConnectAsync(CancellationToken.None);
        await watcher.SubscribeAsync([new MqttSubscription("gz/v1/alerts")], CancellationToken.None);
        await using var device = await TestDevice.ConnectAsync(host.Broker, "yuexiu-03", "alert-01", Vitals);

        foreach (var (spo2, reports) in new[] { (97.0, 1), (85.0, 2) })
        {
            await device.PublishKpiAsync(new Dictionary<string, double> { ["spo2_mean"] = spo2 });
            await WaitForDeviceAsync("alert-01", d => d.GetProperty("reportsReceived").GetInt64() == reports);
        }

        Assert.Equal(0, (await host.GetAsync("/api/v1/alerts?device=alert-01")).GetProperty("total").GetInt64());
        await device.PublishKpiAsync(new Dictionary<string, double> { ["spo2_mean"] = 84 });
        await device.PublishKpiAsync(new Dictionary<string, double> { ["spo2_mean"] = 83 });
        await WaitForDeviceAsync("alert-01", d => d.GetProperty("reportsReceived").GetInt64() == 4);
        var page = await host.GetAsync("/api/v1/alerts?device=alert-01&active=true");
        var alert = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal(84, alert.GetProperty("value").GetDouble());
        Assert.Equal(92, alert.GetProperty("threshold").GetDouble());

        await device.PublishKpiAsync(new Dictionary<string, double> { ["spo2_mean"] = 96 });
        await WaitForAlertAsync("alert-01", a => !a.GetProperty("active").GetBoolean());

        var published = await ReadAlertsAsync(watcher, 2);
        Assert.Equal([true, false], published.Select(a => a.GetProperty("active").GetBoolean()));
        Assert.All(published, a => Assert.Equal(alert.GetProperty("id").GetInt64(), a.GetProperty("id").GetInt64()));
        await host.WaitForAsync(() => Task.FromResult(host.Webhook.Received.Count(a => a.GetProperty("device").GetString() == "alert-01") == 2),
            () => "the raised and the resolved alert to be POSTed to the webhook");

        var id = alert.GetProperty("id").GetInt64();
        using var ack = await host.Http.PostAsync(new Uri($"/api/v1/alerts/{id}/acknowledge", UriKind.Relative), null);
        var acknowledged = await ack.Content.ReadFromJsonAsync<JsonElement>();
        Assert.NotEqual(JsonValueKind.Null, acknowledged.GetProperty("acknowledgedAt").ValueKind);
    }

    [Fact]
    public async Task A_device_whose_reports_go_missing_raises_a_completeness_alert()
    {
        await using var device = await TestDevice.ConnectAsync(host.Broker, "tianhe-01", "gaps-01", "traffic-tianhe-flow");
        for (var i = 0; i < 10; i++)
        {
            // Five reports lost after the fifth: 10 received of 15 sequence numbers.
            if (i == 5)
            {
                device.Skip(5);
            }

            await device.PublishKpiAsync(new Dictionary<string, double> { ["mean_speed_kmh"] = 40 });
        }

        var alert = await WaitForAlertAsync("gaps-01", a => a.GetProperty("kind").GetString() == "completeness");
        Assert.Equal(10 / 15.0, alert.GetProperty("value").GetDouble(), 6);
        Assert.Equal(0.9, alert.GetProperty("threshold").GetDouble());
    }

    [Fact]
    public async Task The_live_stream_sends_only_the_scenario_asked_for()
    {
        await using var medical = await TestDevice.ConnectAsync(host.Broker, "yuexiu-03", "live-01", Vitals);
        await using var traffic = await TestDevice.ConnectAsync(host.Broker, "tianhe-01", "live-02", "traffic-tianhe-flow");
        using var response = await host.Http.GetAsync(new Uri("/api/v1/live?scenario=traffic-tianhe-flow", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync();
        var events = System.Net.ServerSentEvents.SseParser.Create(stream).EnumerateAsync().GetAsyncEnumerator();
        Assert.True(await events.MoveNextAsync());
        Assert.Equal("ready", events.Current.EventType);

        // The medical report is seen by the cloud before the traffic one is sent, so had the filter
        // let it through, it would come first.
        await medical.PublishKpiAsync(new Dictionary<string, double> { ["spo2_mean"] = 97 });
        await WaitForDeviceAsync("live-01", d => d.GetProperty("reportsReceived").GetInt64() == 1);
        await traffic.PublishKpiAsync(new Dictionary<string, double> { ["mean_speed_kmh"] = 41.5 });

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        JsonElement kpi = default;
        while (await events.MoveNextAsync().AsTask().WaitAsync(timeout.Token))
        {
            var data = JsonDocument.Parse(events.Current.Data).RootElement;
            Assert.Equal("traffic-tianhe-flow", data.GetProperty("scenario").GetString());
            if (events.Current.EventType == "kpi")
            {
                kpi = data;
                break;
            }
        }

        Assert.Equal(41.5, kpi.GetProperty("kpis").GetProperty("mean_speed_kmh").GetDouble());
        Assert.Equal("live-02", kpi.GetProperty("device").GetString());
    }

    private async Task<JsonElement> WaitForDeviceAsync(string device, Func<JsonElement, bool> condition)
    {
        JsonElement found = default;
        await host.WaitForAsync(async () =>
        {
            var page = await host.GetAsync("/api/v1/devices?limit=1000");
            found = page.GetProperty("items").EnumerateArray().FirstOrDefault(d => d.GetProperty("device").GetString() == device);
            return found.ValueKind == JsonValueKind.Object && condition(found);
        }, () => $"device {device} to match; last seen: {found}");
        return found;
    }

    private async Task<JsonElement> WaitForAlertAsync(string device, Func<JsonElement, bool> condition)
    {
        JsonElement found = default;
        await host.WaitForAsync(async () =>
        {
            var page = await host.GetAsync($"/api/v1/alerts?device={device}");
            found = page.GetProperty("items").EnumerateArray().FirstOrDefault(condition);
            return found.ValueKind == JsonValueKind.Object;
        }, () => $"an alert of {device} to match");
        return found;
    }

    private static async Task<List<JsonElement>> ReadAlertsAsync(MqttClient watcher, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var alerts = new List<JsonElement>();
        while (alerts.Count < count)
        {
            var message = await watcher.Messages.ReadAsync(timeout.Token);
            var alert = JsonDocument.Parse(Encoding.UTF8.GetString(message.Payload.Span)).RootElement;
            if (alert.GetProperty("device").GetString() == "alert-01")
            {
                alerts.Add(alert);
            }
        }

        return alerts;
    }
}
