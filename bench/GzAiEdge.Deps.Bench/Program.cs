using System.Globalization;
using GzAiEdge.Deps.Bench;

// ./gz bench deps [--messages N] [--runs R]: the design card's packages measured against the project's own pieces
// (docs/dependencies.md). "ort-managed LIBRARY" and "ort-ours LIBRARY" are single tries in a process of their own.
switch (args)
{
    case ["ort-managed", var library]:
        Console.WriteLine(OnnxRuntimeManaged.Managed(library));
        return 0;
    case ["ort-ours", var library]:
        Console.WriteLine(OnnxRuntimeManaged.Ours(library));
        return 0;
}

var root = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : Directory.GetCurrentDirectory();
int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}

var messages = Option("--messages", 100_000);
var runs = Option("--runs", 3);

Console.WriteLine($"MQTT: bytes allocated per received message, all threads (GC.GetTotalAllocatedBytes); {messages} QoS 1 messages of {MqttReceive.PayloadBytes} bytes queued in a persistent session on Mosquitto, then received; {runs} runs after a warm-up, alternating; medians");
var rows = await MqttReceive.RunAsync(messages, runs);
foreach (var row in rows)
{
    Console.WriteLine(MqttReceive.Format(row));
}

Console.WriteLine();
Console.WriteLine("MQTT: a QoS 1 publish left unacknowledged when the connection drops (scripted broker: takes the PUBLISH, closes without PUBACK, then says the session is present)");
foreach (var outcome in new[] { await MqttSession.OursAsync(), await MqttSession.MqttNetAsync() })
{
    Console.WriteLine($"  {outcome.Client}: {outcome.Reconnect}; {outcome.Resend}; {outcome.Publish}");
}

Console.WriteLine();
foreach (var line in GpioSurface.Report().Concat(IotBindings.Report()))
{
    Console.WriteLine(line);
}

Console.WriteLine();
foreach (var line in await InfluxClients.RunAsync())
{
    Console.WriteLine(line);
}

Console.WriteLine();
foreach (var line in await OnnxRuntimeManaged.RunAsync(root))
{
    Console.WriteLine(line);
}

return 0;
