using System.Diagnostics;
using System.Globalization;
using System.Text;
using GzAiEdge.Mqtt;
using GzAiEdge.Testing;

namespace GzAiEdge.Load.Bench.Publish;

/// <summary>
/// Our side of <c>./gz bench publish</c>, run as its own process so that its CPU time is its own: one
/// connection of our MQTT client publishing pre-built reports at QoS 1, as many in flight as the broker's
/// receive maximum (from its CONNACK) allows, the next handed over as each PUBACK comes, exactly as the
/// MQTT.js peer does (bench/peers/mqtt-publisher.mjs). Prints the same JSON line as the peer.
/// </summary>
public static class Publisher
{
    public static async Task<int> RunAsync(int port, string payloads)
    {
        var messages = File.ReadLines(payloads).Where(l => l.Length > 0).Select(l =>
        {
            var tab = l.IndexOf('\t', StringComparison.Ordinal);
            return new MqttApplicationMessage(l[..tab], Encoding.UTF8.GetBytes(l[(tab + 1)..]));
        }).ToList();
        await using var client = new MqttClient(new MqttClientOptions { Host = "127.0.0.1", Port = port, ClientId = $"bench-publisher-{Environment.ProcessId}" });
        var connected = await client.ConnectAsync(CancellationToken.None);
        var window = connected.ServerReceiveMaximum;
        var cpu = ProcStat.OwnCpuSeconds();
        var clock = Stopwatch.StartNew();
        var pending = new Queue<ValueTask<MqttReasonCode>>(window);
        foreach (var message in messages)
        {
            if (pending.Count == window)
            {
                await pending.Dequeue();
            }

            pending.Enqueue(client.PublishAsync(message, CancellationToken.None));
        }

        while (pending.Count > 0)
        {
            await pending.Dequeue();
        }

        var seconds = clock.Elapsed.TotalSeconds;
        cpu = ProcStat.OwnCpuSeconds() - cpu;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{{\"messages\":{messages.Count},\"seconds\":{seconds},\"cpuSeconds\":{cpu},\"window\":{window}}}"));
        return 0;
    }
}
