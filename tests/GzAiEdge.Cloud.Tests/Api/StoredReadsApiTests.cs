using System.Buffers;
using GzAiEdge.Cloud.Tests.Support;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Testing;
using GzAiEdge.TimeSeries;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Cloud.Tests.Api;

/// <summary>The latest KPIs and a device's events, read back through the API from points stored as ingestion stores them.</summary>
[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed class StoredReadsApiTests(InProcessCloudWithInflux host) : IClassFixture<InProcessCloudWithInflux>
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_latest_report_of_each_device_comes_back_with_its_KPIs_and_without_the_chain_fields()
    {
        await StoreAsync(
            Kpi("cam-01", 1, 30), Kpi("cam-01", 2, 35), Kpi("cam-02", 7, 50),
            Kpi("cam-03", 1, 20) with { Scenario = "traffic-haizhu-flow" });

        var latest = await host.GetAsync("/api/v1/kpis/latest?scenario=traffic-tianhe-flow");

        var rows = latest.EnumerateArray().ToList();
        Assert.Equal(["cam-01", "cam-02"], rows.Select(r => r.GetProperty("device").GetString()));
        var first = rows[0];
        Assert.Equal(("tianhe-01", "traffic", 2L), (first.GetProperty("site").GetString(), first.GetProperty("sector").GetString(), first.GetProperty("seq").GetInt64()));
        Assert.Equal(T0.AddSeconds(2), first.GetProperty("windowEnd").GetDateTimeOffset());
        Assert.Equal(["mean_speed_kmh", "vehicle_count"], first.GetProperty("kpis").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(35, first.GetProperty("kpis").GetProperty("mean_speed_kmh").GetDouble());
    }

    [Fact]
    public async Task A_devices_events_come_newest_first_and_can_be_narrowed_to_one_command()
    {
        await StoreAsync(
            Event(0, "command.received", "cmd-1"), Event(1, "command.succeeded", "cmd-1"), Event(2, "camera.stalled", null), Event(3, "command.received", "cmd-2"));

        var all = await host.GetAsync("/api/v1/devices/tianhe-01/cam-09/events?limit=3");
        var one = await host.GetAsync("/api/v1/devices/tianhe-01/cam-09/events?command=cmd-1");

        Assert.Equal(["command.received", "camera.stalled", "command.succeeded"], all.EnumerateArray().Select(e => e.GetProperty("code").GetString()));
        Assert.Equal(["command.succeeded", "command.received"], one.EnumerateArray().Select(e => e.GetProperty("code").GetString()));
        Assert.All(one.EnumerateArray(), e => Assert.Equal("cmd-1", e.GetProperty("commandId").GetString()));
        Assert.Equal(T0.AddSeconds(1), one[0].GetProperty("time").GetDateTimeOffset());
    }

    private async Task StoreAsync(params object[] messages)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new LineProtocolWriter(buffer);
        foreach (var message in messages)
        {
            writer.Write(message is KpiReport report ? StoredSchema.Kpi(report, "traffic", new string('0', 64)) : StoredSchema.Event((DeviceEvent)message));
        }

        using var http = new HttpClient();
        var influx = new InfluxDbClient(http, Options.Create(new InfluxDbOptions { BaseAddress = host.Influx!.BaseAddress, Database = host.Influx.Database }));
        await influx.WriteAsync(buffer.WrittenMemory, CancellationToken.None);
    }

    private static KpiReport Kpi(string device, long seq, double speed) => new()
    {
        V = ContractVersion.Current,
        Site = "tianhe-01",
        Device = device,
        Scenario = "traffic-tianhe-flow",
        Seq = seq,
        WindowStart = T0.AddSeconds(seq - 1),
        WindowEnd = T0.AddSeconds(seq),
        Kpis = new Dictionary<string, double> { ["mean_speed_kmh"] = speed, ["vehicle_count"] = 3 },
        Model = new ModelInfo("detector", "1.0", new string('b', 64)),
        Prev = new string('c', 64),
        Kid = "kid-1",
        Sig = "c2ln",
    };

    private static DeviceEvent Event(int second, string code, string? command) => new()
    {
        V = ContractVersion.Current,
        Site = "tianhe-01",
        Device = "cam-09",
        Time = T0.AddSeconds(second),
        Level = "info",
        Code = code,
        Message = $"{code} at {second}",
        CommandId = command,
    };
}
