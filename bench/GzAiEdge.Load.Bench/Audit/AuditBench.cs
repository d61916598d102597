using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using GzAiEdge.Load.Bench.Support;
using GzAiEdge.Mqtt;
using GzAiEdge.Testing;

namespace GzAiEdge.Load.Bench.Audit;

/// <summary>
/// <c>./gz bench audit</c>: audits the traffic detector on a device (a real edge worker on this machine) with a test set,
/// several times, and reports without asserting: the audit's wall time (start request to scored answer) and the device's
/// own run time, the CPU the worker process used on top of its field work (from /proc, against its rate just before),
/// and the field windows' inference p95 while the audit ran against the minute before.
/// </summary>
public static partial class AuditBench
{
    public static async Task<int> RunAsync(string testSet, string name, int runs, int baselineSeconds, TextWriter output)
    {
        await using var site = await AuditSite.StartAsync(testSet, output);
        await using var watch = await FieldWatch.StartAsync(site);
        await Task.Delay(TimeSpan.FromSeconds(baselineSeconds));
        var table = new TextTable("run", "items", "wall s", "device run s", "added CPU s", "field CPU %", "p95 before ms", "p95 during ms", "audit p95 ms", "state");
        var rows = new List<(double Wall, double Run, double Added, double Before, double During)>();
        for (var run = 1; run <= runs; run++)
        {
            var pid = site.Edge.Pid;
            var (cpu0, t0) = (ProcStat.CpuSeconds(pid), Stopwatch.GetTimestamp());
            var baselineStart = DateTimeOffset.UtcNow;
            await Task.Delay(TimeSpan.FromSeconds(baselineSeconds));
            var (cpu1, t1) = (ProcStat.CpuSeconds(pid), Stopwatch.GetTimestamp());
            var fieldRate = (cpu1 - cpu0) / Stopwatch.GetElapsedTime(t0, t1).TotalSeconds;

            var started = DateTimeOffset.UtcNow;
            var audit = await site.StartAuditAsync(name);
            var view = await site.EndedAsync(audit);
            var (cpu2, t2) = (ProcStat.CpuSeconds(pid), Stopwatch.GetTimestamp());
            var wall = Stopwatch.GetElapsedTime(t1, t2).TotalSeconds;
            var part = view.GetProperty("devices")[0];
            var ended = DateTimeOffset.UtcNow;
            var before = watch.P95(baselineStart, started);
            var during = watch.P95(started, ended);
            var ran = DeviceRunSeconds(site.Edge.Output, audit);
            var added = cpu2 - cpu1 - (fieldRate * wall);
            rows.Add((wall, ran, added, Median.Of(before), Median.Of(during)));
            table.Add(run.ToString(CultureInfo.InvariantCulture), view.GetProperty("items").GetInt32().ToString(CultureInfo.InvariantCulture), F(wall), F(ran), F(added),
                F(fieldRate * 100), F(Median.Of(before)), $"{F(Median.Of(during))} ({during.Count} windows)",
                part.TryGetProperty("latencyP95Ms", out var p95) && p95.ValueKind == JsonValueKind.Number ? F(p95.GetDouble()) : "-", part.GetProperty("state").GetString()!);
            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        output.WriteLine();
        table.Print(output);
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median of {runs}: wall {Median.Of(rows.Select(r => r.Wall)):0.00} s, device run {Median.Of(rows.Select(r => r.Run)):0.00} s, added CPU {Median.Of(rows.Select(r => r.Added)):0.00} s, field inference p95 {Median.Of(rows.Select(r => r.Before)):0.###} ms before, {Median.Of(rows.Select(r => r.During)):0.###} ms during the audit"));
        return 0;
    }

    private static double DeviceRunSeconds(string edgeOutput, string audit) =>
        RanPattern().Matches(edgeOutput).Where(m => m.Groups[1].Value == audit).Select(m => double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)).LastOrDefault(double.NaN);

    private static string F(double value) => double.IsNaN(value) ? "-" : value.ToString("0.00", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"Audit ([0-9a-f]{32}): \d+ items ran in ([0-9.]+) s")]
    private static partial Regex RanPattern();

    /// <summary>The device's KPI reports as they arrive: window end and inference p95.</summary>
    private sealed class FieldWatch : IAsyncDisposable
    {
        private readonly MqttClient _client;
        private readonly ConcurrentBag<(DateTimeOffset End, double P95)> _windows = [];
        private readonly Task _reading;

        private FieldWatch(MqttClient client)
        {
            _client = client;
            _reading = ReadAsync();
        }

        public static async Task<FieldWatch> StartAsync(AuditSite site)
        {
            var client = new MqttClient(new MqttClientOptions { Host = site.Broker.Host, Port = site.Broker.Port, ClientId = $"bench-watch-{Environment.ProcessId}" });
            await client.ConnectAsync(CancellationToken.None);
            await client.SubscribeAsync([new MqttSubscription($"gz/v1/{AuditSite.Site}/{AuditSite.Device}/kpi")], CancellationToken.None);
            return new FieldWatch(client);
        }

        /// <summary>The inference p95 of each window that ended in (from, to].</summary>
        public List<double> P95(DateTimeOffset from, DateTimeOffset to) => [.. _windows.Where(w => w.End > from && w.End <= to).Select(w => w.P95)];

        public async ValueTask DisposeAsync()
        {
            await _client.DisposeAsync();
            await _reading;
        }

        private async Task ReadAsync()
        {
            await foreach (var message in _client.Messages.ReadAllAsync())
            {
                using var json = JsonDocument.Parse(message.Payload);
                if (json.RootElement.GetProperty("kpis").TryGetProperty("inference_p95_ms", out var p95))
                {
                    _windows.Add((json.RootElement.GetProperty("windowEnd").GetDateTimeOffset(), p95.GetDouble()));
                }
            }
        }
    }
}
