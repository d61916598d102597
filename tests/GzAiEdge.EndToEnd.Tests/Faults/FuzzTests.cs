using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Mqtt;
using GzAiEdge.Testing;
using Xunit.Abstractions;

namespace GzAiEdge.EndToEnd.Tests.Faults;

[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed class FuzzTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Fuzzed_payloads_on_the_kpi_topics_are_dead_lettered_and_ingestion_keeps_storing()
    {
        await using var rig = await FaultRig.StartAsync("fuzz");
        using var key = DeviceSigner.Create();
        rig.Register("cam-78", key);
        var template = Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(SignedBurst.Chain(key, "cam-77", 1)[0], GzJsonContext.Default.KpiReport));
        var payloads = Fuzz(template, new Random(77)).ToList();

        await using (var client = new MqttClient(new MqttClientOptions { Host = rig.Broker.Host, Port = rig.Broker.Port, ClientId = "fuzzer" }))
        {
            await client.ConnectAsync(CancellationToken.None);
            await Task.WhenAll(payloads.Select((p, i) => client.PublishAsync(
                new MqttApplicationMessage($"gz/v1/{FaultRig.Site}/cam-77/{(i % 5 == 4 ? "checkpoint" : "kpi")}", p), CancellationToken.None).AsTask()));
        }

        var chain = SignedBurst.Chain(key, "cam-78", 20);
        await SignedBurst.PublishAsync(rig.Broker, key, chain);
        using var http = CloudAccounts.AdminClient(rig.Api!, rig.Folder);
        long deadLetters = 0;
        await rig.WaitForAsync(async () =>
        {
            deadLetters = (await http.GetFromJsonAsync<JsonElement>("/api/v1/dead-letters?limit=1")).GetProperty("total").GetInt64();
            return deadLetters >= payloads.Count && (await rig.StoredSeqsAsync("cam-78")).Count >= chain.Count;
        }, "every fuzzed payload dead-lettered and the valid chain stored");

        Assert.False(rig.Cloud!.HasExited);
        Assert.Equal(payloads.Count, deadLetters);
        Assert.Empty(await rig.StoredSeqsAsync("cam-77"));
        var verification = await rig.VerifyAsync("cam-78");
        Assert.Equal((20L, 0), (verification.Verified, verification.Problems.Count));
        output.WriteLine($"fuzz: {payloads.Count} malformed payloads sent, {deadLetters} dead-lettered, 0 stored; 20 valid reports after them stored and verified");
    }

    // Each is invalid by construction: broken JSON, wrong types, bad chain fields, or too deep.
    private static IEnumerable<byte[]> Fuzz(string valid, Random random)
    {
        for (var i = 0; i < 40; i++)
        {
            yield return [.. Enumerable.Range(0, random.Next(0, 200)).Select(_ => (byte)random.Next(256))];
            yield return Encoding.UTF8.GetBytes(valid[..random.Next(0, valid.Length - 1)]);
        }

        foreach (var (field, bad) in new[]
        {
            ("\"seq\":1", "\"seq\":\"1\""), ("\"seq\":1", "\"seq\":-5"), ("\"v\":1", "\"v\":2"), ("\"kpis\":{", "\"kpis\":[],\"x\":{"),
            ("\"prev\":\"", "\"prev\":\"zz"), ("\"sig\":\"", "\"sig\":\"!!"), ("\"kid\":\"", "\"kid\":\"Q"), ("\"site\":\"tianhe-01\"", "\"site\":\"other\""),
            ("\"windowEnd\":\"", "\"windowEnd\":\"yesterday"), ("\"v\":1", "\"v\":1,\"extra\":true"), ("\"kpis\":{", "\"kpis\":{\"seq\":1,"),
            ("\"kpis\":{", "\"kpis\":{\"Bad Name\":1,"), ("\"kpis\":{", "\"kpis\":{\"x\":1e999,"),
        })
        {
            yield return Encoding.UTF8.GetBytes(valid.Replace(field, bad, StringComparison.Ordinal));
        }

        yield return Encoding.UTF8.GetBytes(new string('[', 5000) + new string(']', 5000));
        yield return Encoding.UTF8.GetBytes("null");
        yield return [0xEF, 0xBB, 0xBF, 0xC3, 0x28];
    }
}
