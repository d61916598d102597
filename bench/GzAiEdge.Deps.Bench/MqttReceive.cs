using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using GzAiEdge.Mqtt;
using GzAiEdge.Testing;
using MQTTnet;
using MQTTnet.Protocol;
using MqttClient = GzAiEdge.Mqtt.MqttClient;

namespace GzAiEdge.Deps.Bench;

/// <summary>
/// Bytes allocated per received message: our client and MQTTnet on the same broker traffic. Each run queues the
/// same QoS 1 messages in a persistent session on a real Mosquitto while the subscriber is away, then the subscriber
/// connects and takes them all; only that part is measured, across all threads of this process
/// (GC.GetTotalAllocatedBytes), divided by the messages. Medians over runs after a warm-up run.
/// </summary>
public static class MqttReceive
{
    private const string Topic = "gz/v1/tianhe-01/cam-0001/kpi";
    private const int AckBatch = 1000;

    // About the size of a signed KPI report (785 bytes), so that payload copies weigh what they would.
    private static readonly byte[] Payload = Encoding.UTF8.GetBytes(
        "{\"v\":1,\"site\":\"tianhe-01\",\"device\":\"cam-0001\",\"scenario\":\"traffic-tianhe-flow\",\"seq\":1," +
        "\"windowStart\":\"2026-12-01T08:00:00Z\",\"windowEnd\":\"2026-12-01T08:00:10Z\",\"kpis\":{" +
        string.Join(",", Enumerable.Range(0, 13).Select(i => $"\"kpi_value_{i:D2}\":{i * 1.25:F2}")) + "}," +
        "\"model\":{\"name\":\"traffic-detector\",\"version\":\"1\",\"sha256\":\"" + new string('a', 64) + "\"}," +
        "\"prev\":\"" + new string('b', 64) + "\",\"kid\":\"tianhe-01.cam-0001\",\"sig\":\"" + new string('c', 128) + "\"}");

    /// <summary>One row of the table: which client, how it acknowledged, and the medians.</summary>
    public sealed record Row(string Client, double BytesPerMessage, double CpuMicrosecondsPerMessage, double MessagesPerSecond);

    public static async Task<IReadOnlyList<Row>> RunAsync(int messages, int runs)
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var sides = new (string Name, Func<MosquittoBroker, string, int, Task> Receive)[]
        {
            ("GzAiEdge.Mqtt, manual ack in batches of 1000 (as ingestion)", (b, id, n) => OursAsync(b, id, n, manual: true)),
            ("GzAiEdge.Mqtt, acknowledged on receipt", (b, id, n) => OursAsync(b, id, n, manual: false)),
            ($"MQTTnet {MqttNetVersion}, acknowledged when the handler returns", MqttNetAsync),
        };
        var results = sides.Select(_ => new List<(double Bytes, double Cpu, double Rate)>()).ToArray();
        for (var run = -1; run < runs; run++)
        {
            // Alternating, so that whatever else the machine does hits every side alike.
            for (var side = 0; side < sides.Length; side++)
            {
                var session = $"subscriber-{side}";
                await QueueAsync(broker, session, messages);
                var measured = await MeasureAsync(messages, () => sides[side].Receive(broker, session, messages));
                if (run >= 0)
                {
                    results[side].Add(measured);
                }
            }
        }

        return [.. sides.Select((s, i) => new Row(s.Name, Median(results[i], r => r.Bytes), Median(results[i], r => r.Cpu), Median(results[i], r => r.Rate)))];
    }

    public static int PayloadBytes => Payload.Length;

    public static string MqttNetVersion => typeof(MqttClientFactory).Assembly.GetName().Version?.ToString() ?? "?";

    // Subscribes the session (then leaves), and publishes the messages into its queue with our client.
    private static async Task QueueAsync(MosquittoBroker broker, string session, int messages)
    {
        await using (var setup = new MqttClient(Session(broker, session, cleanStart: true, manual: false)))
        {
            await setup.ConnectAsync(CancellationToken.None);
            await setup.SubscribeAsync([new MqttSubscription("gz/v1/+/+/kpi")], CancellationToken.None);
            await setup.DisconnectAsync();
        }

        await using var publisher = new MqttClient(new GzAiEdge.Mqtt.MqttClientOptions { Host = broker.Host, Port = broker.Port, ClientId = "publisher" });
        await publisher.ConnectAsync(CancellationToken.None);
        var pending = new Queue<ValueTask<MqttReasonCode>>(AckBatch);
        var message = new GzAiEdge.Mqtt.MqttApplicationMessage(Topic, Payload);
        for (var i = 0; i < messages; i++)
        {
            if (pending.Count == AckBatch)
            {
                await pending.Dequeue();
            }

            pending.Enqueue(publisher.PublishAsync(message, CancellationToken.None));
        }

        while (pending.Count > 0)
        {
            await pending.Dequeue();
        }

        await publisher.DisconnectAsync();
    }

    private static GzAiEdge.Mqtt.MqttClientOptions Session(MosquittoBroker broker, string id, bool cleanStart, bool manual) => new()
    {
        Host = broker.Host,
        Port = broker.Port,
        ClientId = id,
        CleanStart = cleanStart,
        SessionExpiryIntervalSeconds = 3600,
        ManualAcknowledgement = manual,
        ReceiveMaximum = 10_000,
    };

    private static async Task OursAsync(MosquittoBroker broker, string session, int messages, bool manual)
    {
        await using var client = new MqttClient(Session(broker, session, cleanStart: false, manual));
        await client.ConnectAsync(CancellationToken.None);
        var batch = new List<MqttReceivedMessage>(AckBatch);
        for (var received = 0; received < messages;)
        {
            batch.Add(await client.Messages.ReadAsync());
            while (batch.Count < AckBatch && client.Messages.TryRead(out var more))
            {
                batch.Add(more);
            }

            received += batch.Count;
            if (manual)
            {
                await client.AcknowledgeAsync(batch, CancellationToken.None);
            }
            else
            {
                batch.ForEach(m => m.Dispose());
            }

            batch.Clear();
        }

        await client.DisconnectAsync();
    }

    private static async Task MqttNetAsync(MosquittoBroker broker, string session, int messages)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        var received = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.ApplicationMessageReceivedAsync += e =>
        {
            // Reads the payload as a consumer would; the length keeps the read from being optimised away.
            if (e.ApplicationMessage.Payload.Length > 0 && ++received == messages)
            {
                done.TrySetResult();
            }

            return Task.CompletedTask;
        };
        var options = new MqttClientOptionsBuilder().WithTcpServer(broker.Host, broker.Port).WithClientId(session)
            .WithCleanStart(false).WithSessionExpiryInterval(3600).Build();
        await client.ConnectAsync(options);
        await done.Task.WaitAsync(TimeSpan.FromMinutes(5));
        await client.DisconnectAsync();
    }

    private static async Task<(double Bytes, double Cpu, double Rate)> MeasureAsync(int messages, Func<Task> work)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        await work();
        var elapsed = clock.Elapsed;
        process.Refresh();
        return ((GC.GetTotalAllocatedBytes(precise: true) - bytes) / (double)messages,
            (process.TotalProcessorTime - cpu).TotalMicroseconds / messages, messages / elapsed.TotalSeconds);
    }

    private static double Median<T>(List<T> runs, Func<T, double> pick) => runs.Select(pick).Order().ElementAt(runs.Count / 2);

    public static string Format(Row row) => string.Create(CultureInfo.InvariantCulture,
        $"  {row.Client,-78} {row.BytesPerMessage,8:F1} B/message {row.CpuMicrosecondsPerMessage,6:F2} µs CPU/message {row.MessagesPerSecond,8:F0} messages/s");
}
