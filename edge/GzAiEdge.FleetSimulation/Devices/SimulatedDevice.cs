using System.Text.Json;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Topics;
using GzAiEdge.EdgeRuntime.Configuration;
using GzAiEdge.EdgeRuntime.Publishing;
using GzAiEdge.FleetSimulation.Identities;
using GzAiEdge.FleetSimulation.Kpis;
using GzAiEdge.Mqtt;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GzAiEdge.FleetSimulation.Devices;

/// <summary>
/// One simulated device with its own MQTT connection: the edge's own <see cref="EdgeConnection"/>
/// (persistent session, retained online state on every connect, offline as the last will), a KPI
/// report per window signed and chained, a checkpoint every N reports and at stop, and heartbeats.
/// </summary>
public sealed class SimulatedDevice : IAsyncDisposable
{
    private readonly FleetIdentity _identity;
    private readonly DeviceKpis _kpis;
    private readonly ReportChain _chain;
    private readonly ModelInfo _model;
    private readonly FleetCounters _counters;
    private readonly int _checkpointEvery;
    private readonly string _kpiTopic;
    private readonly string _checkpointTopic;
    private readonly string _heartbeatTopic;
    private readonly DateTimeOffset _started;
    private int _inFlight;
    private bool _connected;

    public SimulatedDevice(FleetIdentity identity, DeviceKpis kpis, ChainHead head, ModelInfo model, FleetCounters counters,
        FleetDeviceSettings settings)
    {
        (_identity, _kpis, _model, _counters, _checkpointEvery) = (identity, kpis, model, counters, settings.CheckpointEvery);
        _chain = new ReportChain(identity.Signer, identity.Site, identity.Device, identity.Scenario.Id, head);
        _kpiTopic = Topic(MessageKind.Kpi);
        _checkpointTopic = Topic(MessageKind.Checkpoint);
        _heartbeatTopic = Topic(MessageKind.Heartbeat);
        _started = settings.Time.GetUtcNow();
        Connection = new EdgeConnection(
            Options.Create(new EdgeOptions { Site = identity.Site, Device = identity.Device, Scenario = identity.Scenario.Id }),
            Options.Create(new BrokerOptions
            {
                Host = settings.Host,
                Port = settings.Port,
                Username = identity.Username,
                Password = identity.Password,
                CaFile = identity.CaFile ?? settings.CaFile,
                KeepAliveSeconds = settings.KeepAliveSeconds,
            }),
            settings.Time, NullLogger<EdgeConnection>.Instance, NullLogger<MqttClient>.Instance);
        Connection.Client.ConnectionStateChanged += OnConnectionStateChanged;
    }

    public EdgeConnection Connection { get; }

    public ReportChain Chain => _chain;

    /// <summary>End of the open KPI window.</summary>
    public DateTimeOffset WindowEnd => _kpis.WindowEnd;

    /// <summary>
    /// Connects, trying again while the broker is unreachable; a broker that refuses the device (bad
    /// password, unknown user) ends the run with the reason, since trying again cannot help.
    /// </summary>
    public Task ConnectAsync(CancellationToken cancellationToken) =>
        Connection.Client.ConnectUntilConnectedAsync((ex, _) =>
        {
            if (ex is MqttConnectException refused)
            {
                throw new InvalidOperationException($"{_identity.Site}/{_identity.Device}: {refused.Message}", refused);
            }

            _counters.OnConnectRetry();
        }, cancellationToken);

    public void Tick(DateTimeOffset now, double seconds) => _kpis.Tick(now, seconds);

    /// <summary>Closes every window that ended by <paramref name="now"/>: one signed report each, sent at QoS 1.</summary>
    public void CloseWindows(DateTimeOffset now)
    {
        while (now >= _kpis.WindowEnd)
        {
            var (start, end, kpis) = _kpis.Close();
            var report = _chain.Next(start, end, kpis, _model);
            _counters.OnReport();
            Send(_kpiTopic, JsonSerializer.SerializeToUtf8Bytes(report, GzJsonContext.Default.KpiReport), counted: true);
            if (report.Seq % _checkpointEvery == 0)
            {
                SendCheckpoint(end);
            }
        }
    }

    /// <summary>A heartbeat (QoS 0, skipped while disconnected, as the edge does): uptime, last seq, reports not yet acknowledged.</summary>
    public void Heartbeat(DateTimeOffset now)
    {
        if (!Connection.Client.IsConnected)
        {
            return;
        }

        var payload = JsonSerializer.SerializeToUtf8Bytes(new Heartbeat
        {
            V = ContractVersion.Current,
            Site = _identity.Site,
            Device = _identity.Device,
            Time = now,
            UptimeSeconds = (long)(now - _started).TotalSeconds,
            LastSeq = _chain.Head.Seq,
            OutboxDepth = Volatile.Read(ref _inFlight),
            OutboxEvicted = 0,
        }, GzJsonContext.Default.Heartbeat);
        _counters.OnHeartbeat();
        _ = SendQuietlyAsync(new MqttApplicationMessage(_heartbeatTopic, payload) { Qos = MqttQualityOfService.AtMostOnce });
    }

    /// <summary>A clean stop: the chain head attested, what is in flight given a moment, then offline and disconnected.</summary>
    public async Task StopAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (_chain.Head.Seq > 0 && Connection.Client.IsConnected)
        {
            SendCheckpoint(now);
        }

        for (var waited = 0; Volatile.Read(ref _inFlight) > 0 && Connection.Client.IsConnected && waited < 2000; waited += 50)
        {
            await Task.Delay(50, cancellationToken);
        }

        await Connection.GoOfflineAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Connection.Client.ConnectionStateChanged -= OnConnectionStateChanged;
        await Connection.DisposeAsync();
        _identity.Dispose();
    }

    private void SendCheckpoint(DateTimeOffset time)
    {
        _counters.OnCheckpoint();
        Send(_checkpointTopic, JsonSerializer.SerializeToUtf8Bytes(_chain.Checkpoint(time), GzJsonContext.Default.Checkpoint), counted: false);
    }

    private void Send(string topic, byte[] payload, bool counted)
    {
        Interlocked.Increment(ref _inFlight);
        _ = TrackAsync(Connection.Client.PublishAsync(new MqttApplicationMessage(topic, payload), CancellationToken.None), counted);
    }

    private async Task TrackAsync(ValueTask<MqttReasonCode> publish, bool counted)
    {
        try
        {
            var reason = await publish;
            if (counted)
            {
                if (reason == MqttReasonCode.NoMatchingSubscribers)
                {
                    _counters.OnUnrouted();
                }
                else
                {
                    _counters.OnAcknowledged();
                }
            }
        }
        catch (Exception ex) when (ex is MqttException or ObjectDisposedException)
        {
            if (counted)
            {
                _counters.OnFailed();
            }
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task SendQuietlyAsync(MqttApplicationMessage message)
    {
        try
        {
            await Connection.Client.PublishAsync(message, CancellationToken.None);
        }
        catch (Exception ex) when (ex is MqttException or ObjectDisposedException)
        {
            // A heartbeat describes the present: one that cannot go is skipped, not queued.
        }
    }

    private void OnConnectionStateChanged(object? sender, MqttConnectionStateChangedEventArgs e)
    {
        // One count per device: the event says connected on every reconnect and lost once per loss.
        if (e.IsConnected == _connected)
        {
            return;
        }

        _connected = e.IsConnected;
        if (e.IsConnected)
        {
            _counters.OnConnected();
        }
        else
        {
            _counters.OnDisconnected();
        }
    }

    private string Topic(MessageKind kind) => GzTopic.Create(_identity.Site, _identity.Device, kind).ToString();
}
