using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Mqtt;
using GzAiEdge.Testing;
using Xunit.Abstractions;

namespace GzAiEdge.EndToEnd.Tests.Faults;

/// <summary>
/// Fault table, what a device may claim: a future-dated report, one older than the acceptance horizon and one for a
/// scenario the catalogue does not list the device under are each dead-lettered with the reason and never stored,
/// while the devices' proper reports are all stored; the dead-letter store stays within its bound, counting what it pruned.
/// </summary>
[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed class ReportBoundsTests(ITestOutputHelper output)
{
    private const string Device = "cam-42";

    [Fact]
    public async Task Future_dated_too_old_and_other_scenario_reports_are_dead_lettered_with_their_reason_and_nothing_is_lost()
    {
        await using var rig = await FaultRig.StartAsync("bounds");
        rig.StartEdge();
        using var key = DeviceSigner.Create();
        rig.Register(Device, key);
        var now = DateTimeOffset.UtcNow;
        var good = SignedBurst.Chain(key, Device, 5);
        var refused = new[]
        {
            key.Sign(good[0] with { Seq = 101, WindowStart = now.AddHours(3), WindowEnd = now.AddHours(3).AddSeconds(10) }),
            key.Sign(good[0] with { Seq = 102, WindowStart = now.AddDays(-40), WindowEnd = now.AddDays(-40).AddSeconds(10) }),
            key.Sign(good[0] with { Seq = 103, Scenario = "mfg-huangpu-inspection" }),
        };

        await SignedBurst.PublishAsync(rig.Broker, key, [.. good, .. refused]);

        using var http = CloudAccounts.AdminClient(rig.Api!, rig.Folder);
        List<JsonElement> letters = [];
        await rig.WaitForAsync(async () =>
        {
            letters = [.. (await http.GetFromJsonAsync<JsonElement>("/api/v1/dead-letters?limit=100")).GetProperty("items").EnumerateArray()];
            return letters.Count >= refused.Length && (await rig.StoredSeqsAsync(Device)).Count >= good.Count;
        }, "the refused reports dead-lettered and the good ones stored");
        var reasons = letters.Select(l => l.GetProperty("reason").GetString()!).ToList();

        Assert.Equal(3, reasons.Count);
        Assert.Contains(reasons, r => r.StartsWith("windowEnd = '", StringComparison.Ordinal) && r.Contains("3 h ahead of ingestion's clock", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("40 days ago, beyond the acceptance horizon of 35 days (ReportBounds:HorizonDays)", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith($"scenario = 'mfg-huangpu-inspection': the catalogue does not list {FaultRig.Site}/{Device} under it", StringComparison.Ordinal));
        Assert.All(letters, l => Assert.Equal($"gz/v1/{FaultRig.Site}/{Device}/kpi", l.GetProperty("topic").GetString()));
        Assert.Equal([1L, 2, 3, 4, 5], (await rig.StoredSeqsAsync(Device)).Order());
        await rig.WaitForAsync(async () => (await rig.StoredSeqsAsync()).Count >= 3, "the device's own first reports");
        var (n, _) = await rig.StopEdgeAndAssertCompleteAsync();
        output.WriteLine($"bounds: {good.Count + refused.Length} reports sent by {Device}, {good.Count} stored, {refused.Length} dead-lettered (future-dated, beyond the horizon, another scenario); the device's own {n} all stored");
    }

    [Fact]
    public async Task A_flood_of_refused_payloads_keeps_the_dead_letter_store_in_its_bound_with_counts_and_cut_payloads_hashed()
    {
        const int MaxPayload = 1024, Letters = 200, Size = 20_000;
        var maxTotal = 16L * (MaxPayload + 8192);
        await using var rig = await FaultRig.StartAsync("dead-letter-bound", true,
            $"--DeadLetters:MaxPayloadBytes={MaxPayload}", $"--DeadLetters:MaxTotalBytes={maxTotal}");
        var payloads = Enumerable.Range(0, Letters).Select(_ => RandomNumberGenerator.GetBytes(Size)).ToList();

        await using (var client = new MqttClient(new MqttClientOptions { Host = rig.Broker.Host, Port = rig.Broker.Port, ClientId = "garbage" }))
        {
            await client.ConnectAsync(CancellationToken.None);
            foreach (var payload in payloads)
            {
                await client.PublishAsync(new MqttApplicationMessage($"gz/v1/{FaultRig.Site}/{Device}/kpi", payload), CancellationToken.None);
            }
        }

        using var http = CloudAccounts.AdminClient(rig.Api!, rig.Folder);
        JsonElement stats = default;
        await rig.WaitForAsync(async () =>
        {
            stats = await http.GetFromJsonAsync<JsonElement>("/api/v1/dead-letters/stats");
            return stats.GetProperty("count").GetInt64() + stats.GetProperty("prunedBySize").GetInt64() >= Letters;
        }, "every refused payload dead-lettered or pruned");
        var count = stats.GetProperty("count").GetInt64();
        var last = (await http.GetFromJsonAsync<JsonElement>($"/api/v1/dead-letters?offset={count - 1}&limit=1")).GetProperty("items")[0];

        Assert.Equal(Letters, count + stats.GetProperty("prunedBySize").GetInt64());
        Assert.True(stats.GetProperty("prunedBySize").GetInt64() > 0, stats.GetRawText());
        Assert.True(stats.GetProperty("bytes").GetInt64() <= maxTotal, stats.GetRawText());
        Assert.Equal((Size, true), (last.GetProperty("payloadLength").GetInt64(), last.GetProperty("truncated").GetBoolean()));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(payloads[^1])), last.GetProperty("payloadSha256").GetString());
        Assert.False(rig.Cloud!.HasExited);
        output.WriteLine($"dead-letter bound: {Letters} payloads of {Size} B refused; {count} kept, cut to {MaxPayload} B with length and SHA-256, "
            + $"{stats.GetProperty("prunedBySize").GetInt64()} pruned oldest first; {stats.GetProperty("bytes").GetInt64()} B held (bound {maxTotal})");
    }
}
