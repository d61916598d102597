using System.Text;
using GzAiEdge.Testing;

namespace GzAiEdge.Mqtt.Tests.Support;

/// <summary>Client options and waiting helpers shared by the broker tests. Timeouts only stop hangs.</summary>
internal static class TestClients
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public static MqttClientOptions Options(MosquittoBroker broker, string clientId,
        MqttProtocolVersion version = MqttProtocolVersion.V500) => new()
        {
            Host = broker.Host,
            Port = broker.Port,
            ClientId = clientId,
            ProtocolVersion = version,
            ReconnectDelayMin = TimeSpan.FromMilliseconds(50),
            ReconnectDelayMax = TimeSpan.FromMilliseconds(500),
        };

    public static async Task<MqttClient> ConnectAsync(MqttClientOptions options)
    {
        var client = new MqttClient(options);
        await client.ConnectAsync(Timeout());
        return client;
    }

    public static CancellationToken Timeout() => new CancellationTokenSource(Patience).Token;

    public static async Task<List<MqttReceivedMessage>> ReadAsync(MqttClient client, int count)
    {
        var token = Timeout();
        var messages = new List<MqttReceivedMessage>();
        while (messages.Count < count)
        {
            messages.Add(await client.Messages.ReadAsync(token));
        }

        return messages;
    }

    public static string Text(MqttReceivedMessage message) => Encoding.UTF8.GetString(message.Payload.Span);

    public static MqttApplicationMessage Message(string topic, string payload,
        MqttQualityOfService qos = MqttQualityOfService.AtLeastOnce) => new(topic, Encoding.UTF8.GetBytes(payload)) { Qos = qos };

    public static async Task WaitUntilAsync(Func<bool> condition, Func<string> describe)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"timed out waiting: {describe()}");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Starts mosquitto_sub and waits until its SUBACK arrived, so nothing published after is missed.</summary>
    public static async Task<ChildProcess> StartSubscriberAsync(MosquittoBroker broker, string version, params string[] arguments)
    {
        // stdbuf: mosquitto_sub block-buffers stdout into a pipe, which would hide its lines until it exits.
        var process = ChildProcess.Start("stdbuf",
            ["-oL", "mosquitto_sub", "-h", broker.Host, "-p", broker.Port.ToString(), "-V", version, "-d", .. arguments]);
        await WaitUntilAsync(() => process.Output.Contains("SUBACK", StringComparison.Ordinal), () => process.Output);
        return process;
    }

    public static async Task RunAsync(string fileName, params string[] arguments)
    {
        await using var process = ChildProcess.Start(fileName, arguments);
        await process.WaitForExitAsync(Timeout());
        Assert.True(process.ExitCode == 0, $"{fileName} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{process.Output}");
    }
}
