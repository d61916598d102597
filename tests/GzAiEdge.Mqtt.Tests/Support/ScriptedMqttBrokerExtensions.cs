using GzAiEdge.Testing;

namespace GzAiEdge.Mqtt.Tests.Support;

internal static class ScriptedMqttBrokerExtensions
{
    /// <summary>Client options for a scripted broker: no reconnects unless a test asks for them.</summary>
    public static MqttClientOptions Options(this ScriptedMqttBroker broker, MqttProtocolVersion version = MqttProtocolVersion.V500) => new()
    {
        Host = "127.0.0.1",
        Port = broker.Port,
        ClientId = "fake-test",
        ProtocolVersion = version,
        AutoReconnect = false,
        ConnectTimeout = TimeSpan.FromSeconds(5),
    };
}
