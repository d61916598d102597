using System.Text;
using System.Text.Json;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Contracts.Topics;
using GzAiEdge.FleetSimulation;
using GzAiEdge.FleetSimulation.Devices;
using GzAiEdge.FleetSimulation.Identities;
using GzAiEdge.FleetSimulation.Kpis;
using GzAiEdge.Scenarios.Programmes;

namespace GzAiEdge.Load.Bench.Ingest;

/// <summary>One KPI report ready to publish: its device's topic, the device's index, its window end (the point's time), the JSON payload.</summary>
public sealed record PreparedReport(string Topic, int Device, DateTimeOffset WindowEnd, byte[] Payload);

/// <summary>
/// The reports every run publishes, made once before any clock starts: devices of the fleet layout
/// (every scenario of the catalogue), each with its own key, reporting 10 s windows of its scenario
/// type's KPIs (the fleet simulator's <see cref="DeviceKpis"/>, 9 to 13 KPIs), signed and chained as a
/// real device's, in time order across devices.
/// </summary>
public static class ReportSet
{
    // Yesterday: inside ingestion's acceptance horizon, with a day of 10 s windows before the reports reach the present.
    private static readonly DateTimeOffset Start = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(-1);
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    public static IReadOnlyList<PreparedReport> Make(Programme programme, int reports, int devices)
    {
        var layout = new FleetLayout(programme.Catalogue);
        var perDevice = new List<PreparedReport>[devices];
        Parallel.For(0, devices, d =>
        {
            var count = (reports / devices) + (d < reports % devices ? 1 : 0);
            perDevice[d] = Device(programme, layout, d, count);
        });

        // Window by window across devices: the order a live fleet's reports reach the broker in.
        var all = new List<PreparedReport>(reports);
        for (var w = 0; all.Count < reports; w++)
        {
            foreach (var list in perDevice)
            {
                if (w < list.Count)
                {
                    all.Add(list[w]);
                }
            }
        }

        return all;
    }

    /// <summary>Where the fleet layout puts devices 0 to <paramref name="devices"/> - 1: the catalogue must list them for ingestion to take their reports.</summary>
    public static IEnumerable<(string Scenario, string Site, string Device)> Listings(Programme programme, int devices) =>
        new FleetLayout(programme.Catalogue).Listings(devices);

    /// <summary>scenario id → sector tag, for the peer bridge (GzAiEdge ingestion reads the catalogue itself).</summary>
    public static void WriteSectors(Programme programme, string path) =>
        File.WriteAllText(path, JsonSerializer.Serialize(programme.Catalogue.All.ToDictionary(s => s.Id, s => s.SectorTag)));

    /// <summary>The reports as lines of topic, tab, payload (the publisher benchmark's input for both sides).</summary>
    public static void WriteLines(IEnumerable<PreparedReport> reports, string path)
    {
        using var file = new StreamWriter(path, false, new UTF8Encoding(false));
        foreach (var report in reports)
        {
            file.Write(report.Topic);
            file.Write('\t');
            file.Write(Encoding.UTF8.GetString(report.Payload));
            file.Write('\n');
        }
    }

    private static List<PreparedReport> Device(Programme programme, FleetLayout layout, int index, int count)
    {
        var id = FleetLayout.DeviceId(index);
        var (site, scenario) = layout.Place(index);
        using var signer = DeviceSigner.Create();
        var kpis = new DeviceKpis(programme, scenario, FleetBuilder.Seed(id), Window, Start);
        var chain = new ReportChain(signer, site, id, scenario.Id, ChainHead.Start);
        var model = FleetModels.For(programme.TypeOf(scenario).Pipeline);
        var topic = GzTopic.Create(site, id, MessageKind.Kpi).ToString();
        var reports = new List<PreparedReport>(count);
        for (var second = 1; reports.Count < count; second++)
        {
            var now = Start.AddSeconds(second);
            if (now >= kpis.WindowEnd)
            {
                var (from, to, values) = kpis.Close();
                reports.Add(new PreparedReport(topic, index, to, JsonSerializer.SerializeToUtf8Bytes(chain.Next(from, to, values, model), GzJsonContext.Default.KpiReport)));
            }

            kpis.Tick(now, 1);
        }

        return reports;
    }
}
