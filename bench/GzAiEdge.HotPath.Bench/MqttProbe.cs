using System.Diagnostics;
using System.Globalization;
using GzAiEdge.Mqtt;
using GzAiEdge.Testing;

namespace GzAiEdge.HotPath.Bench;

/// <summary>
/// Our MQTT client against a real Mosquitto, each direction on its own: QoS 1 publishes pipelined up to
/// the broker's receive maximum, then the same messages received through a persistent session and
/// acknowledged in batches as ingestion does. Reports this process's CPU and managed allocation per
/// message (all threads: GC.GetTotalAllocatedBytes), median over runs, and the memory of idle clients.
/// </summary>
public static class MqttProbe
{
    private const int Window = 1000;
    private const int AckBatch = 1000;

    public static async Task<int> RunAsync(int messages, int runs, int idleClients)
    {
        await using var broker = await MosquittoBroker.StartAsync();

        // First, in a process that has done nothing else yet: pools filled by traffic would blur the count.
        var idle = await IdleAsync(broker, idleClients);
        var payload = SignedReports.Payload(7);
        var topic = SignedReports.Topic(7);
        var publish = new List<(double Cpu, double Bytes, double Rate)>();
        var receive = new List<(double Cpu, double Bytes, double Rate)>();
        for (var run = -1; run < runs; run++)
        {
            // A persistent session with the subscription, offline while the messages are published: they queue for it.
            var session = new MqttClientOptions
            {
                Host = broker.Host,
                Port = broker.Port,
                ClientId = "probe-ingest",
                SessionExpiryIntervalSeconds = 3600,
                ManualAcknowledgement = true,
                ReceiveMaximum = 10_000,
            };
            await using (var setup = new MqttClient(session))
            {
                await setup.ConnectAsync(CancellationToken.None);
                await setup.SubscribeAsync([new MqttSubscription("gz/v1/+/+/kpi")], CancellationToken.None);
            }

            var sent = await MeasureAsync(messages, () => PublishAsync(broker, topic, payload, messages));
            await using var subscriber = new MqttClient(session with { CleanStart = false });
            var received = await MeasureAsync(messages, () => ReceiveAsync(subscriber, messages));
            if (run >= 0)
            {
                publish.Add(sent);
                receive.Add(received);
            }
        }

        Console.WriteLine($"MQTT client against Mosquitto, {messages} QoS 1 messages of {payload.Length} bytes per run, {runs} runs after a warm-up; medians");
        Print("publish (pipelined, awaited in order)", publish);
        Print("receive (manual ack, batches of 1000)", receive);
        Console.WriteLine(idle);
        return 0;
    }

    private static async Task PublishAsync(MosquittoBroker broker, string topic, byte[] payload, int messages)
    {
        await using var client = new MqttClient(new MqttClientOptions { Host = broker.Host, Port = broker.Port, ClientId = "probe-publisher" });
        await client.ConnectAsync(CancellationToken.None);
        var pending = new Queue<ValueTask<MqttReasonCode>>(Window);
        var message = new MqttApplicationMessage(topic, payload);
        for (var i = 0; i < messages; i++)
        {
            if (pending.Count == Window)
            {
                await pending.Dequeue();
            }

            pending.Enqueue(client.PublishAsync(message, CancellationToken.None));
        }

        while (pending.Count > 0)
        {
            await pending.Dequeue();
        }
    }

    private static async Task ReceiveAsync(MqttClient subscriber, int messages)
    {
        await subscriber.ConnectAsync(CancellationToken.None);
        var batch = new List<MqttReceivedMessage>(AckBatch);
        for (var received = 0; received < messages;)
        {
            batch.Add(await subscriber.Messages.ReadAsync());
            while (batch.Count < AckBatch && subscriber.Messages.TryRead(out var message))
            {
                batch.Add(message);
            }

            received += batch.Count;
            await subscriber.AcknowledgeAsync(batch, CancellationToken.None);
            batch.Clear();
        }

        await subscriber.DisconnectAsync();
    }

    private static async Task<(double Cpu, double Bytes, double Rate)> MeasureAsync(int messages, Func<Task> work)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        await work();
        var elapsed = clock.Elapsed;
        process.Refresh();
        return ((process.TotalProcessorTime - cpu).TotalMicroseconds / messages,
            (GC.GetTotalAllocatedBytes(precise: true) - bytes) / (double)messages, messages / elapsed.TotalSeconds);
    }

    // Connected clients doing nothing: managed heap and resident memory per client, the fleet simulator's cost of a device.
    private static async Task<string> IdleAsync(MosquittoBroker broker, int count)
    {
        // One client first, so that what every client shares (JIT, statics, the keep-alive timer) is not counted per client.
        await using (var first = new MqttClient(new MqttClientOptions { Host = broker.Host, Port = broker.Port, ClientId = "idle-first" }))
        {
            await first.ConnectAsync(CancellationToken.None);
        }

        var managed = Managed();
        var resident = Resident();
        var clients = new List<MqttClient>(count);
        for (var i = 0; i < count; i++)
        {
            var client = new MqttClient(new MqttClientOptions { Host = broker.Host, Port = broker.Port, ClientId = $"idle-{i}", KeepAliveSeconds = 60 });
            await client.ConnectAsync(CancellationToken.None);
            clients.Add(client);
        }

        await Task.Delay(2000);
        var managedPer = (Managed() - managed) / count;
        var residentPer = (Resident() - resident) / count;
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"{count} idle connected clients (keep-alive 60 s): {managedPer / 1024.0:F1} KiB managed heap and {residentPer / 1024.0:F1} KiB resident memory (managed + native) per client");
    }

    private static long Managed()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static long Resident() => ProcStat.RssBytes(Environment.ProcessId);

    private static void Print(string name, List<(double Cpu, double Bytes, double Rate)> runs)
    {
        double Median(Func<(double Cpu, double Bytes, double Rate), double> pick) => runs.Select(pick).Order().ElementAt(runs.Count / 2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {name,-40} {Median(r => r.Cpu),6:F2} µs CPU/message  {Median(r => r.Bytes),7:F1} B allocated/message  {Median(r => r.Rate),8:F0} messages/s"));
    }
}
