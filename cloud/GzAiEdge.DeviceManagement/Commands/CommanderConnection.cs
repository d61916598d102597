using GzAiEdge.Ingestion.Broker;
using GzAiEdge.Mqtt;
using Microsoft.Extensions.Options;

namespace GzAiEdge.DeviceManagement.Commands;

/// <summary>
/// The commander's own connection to the broker, as <c>Broker:Commander</c>: the only identity that may write devices'
/// <c>cmd</c> topics, and it may write nothing else, so neither ingestion's nor the live feed's secret can command a device.
/// Opened with the first command (an instance that sends none holds no connection), clean start, then kept up by the
/// client's reconnects.
/// </summary>
public sealed class CommanderConnection : ICommandChannel, IAsyncDisposable
{
    private readonly CloudBrokerOptions _broker;
    private readonly ILogger<CommanderConnection> _logger;
    private readonly MqttClient _client;
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private bool _connected;

    public CommanderConnection(IOptions<CloudBrokerOptions> broker, ILogger<CommanderConnection> logger, ILogger<MqttClient> mqttLogger)
    {
        _broker = broker.Value;
        _logger = logger;
        _client = new MqttClient(_broker.ClientOptions(_broker.Commander, $"gz-commander-{Environment.ProcessId}") with { CleanStart = true }, mqttLogger);
    }

    public async Task PublishAsync(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        await EnsureConnectedAsync(cancellationToken);
        await _client.PublishAsync(message, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _client.DisposeAsync();
        _connecting.Dispose();
    }

    private async Task EnsureConnectedAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _connected))
        {
            return;
        }

        await _connecting.WaitAsync(cancellationToken);
        try
        {
            if (!_connected)
            {
                _broker.WarnIfPlaintextAllowed(_logger, "The commander");
                await _client.ConnectAsync(cancellationToken);
                Volatile.Write(ref _connected, true);
            }
        }
        finally
        {
            _connecting.Release();
        }
    }
}
