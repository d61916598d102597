using System.Threading.Tasks.Sources;

namespace GzAiEdge.Mqtt.Internal;

/// <summary>
/// A QoS 1/2 publish from <see cref="MqttClient.PublishAsync"/> until its PUBACK (or PUBCOMP), whose reason
/// code is the result; it is the source of the <see cref="ValueTask{TResult}"/> the caller awaits, and is
/// reused. Two parties hold it: the client (while it is queued or in flight) and the caller (until it
/// reads the result). It goes back to the pool when both let go, so a cancelled caller never recycles
/// a publish still in flight, and a publish whose result is never read is left to the collector.
/// </summary>
internal sealed class PendingPublish : IValueTaskSource<MqttReasonCode>
{
    private readonly PendingPublishPool _pool;
    private ManualResetValueTaskSourceCore<MqttReasonCode> _core = new() { RunContinuationsAsynchronously = true };
    private CancellationTokenRegistration _cancellation;
    private int _completed;
    private int _holders;

    public PendingPublish(PendingPublishPool pool) => _pool = pool;

    public MqttApplicationMessage Message { get; private set; }

    /// <summary>Order of the PublishAsync calls; resends keep it [MQTT-4.6.0-1].</summary>
    public long Sequence { get; private set; }

    /// <summary>0 until first sent; kept across reconnects so a DUP resend carries the same identifier.</summary>
    public ushort PacketId { get; set; }

    /// <summary>The connection it was last sent on; its send quota is released by the PUBACK.</summary>
    public MqttConnection? SentOn { get; set; }

    /// <summary>Resend with DUP=1 because the resumed session may already hold it [MQTT-4.4.0-1].</summary>
    public bool Duplicate { get; set; }

    /// <summary>QoS 2: PUBREC arrived, so what is left to (re)send is PUBREL, not PUBLISH.</summary>
    public bool Released { get; set; }

    /// <summary>Cancelled before it was ever sent: the client drops it instead of sending it. Read and set under the client's lock.</summary>
    public bool Abandoned { get; private set; }

    public ValueTask<MqttReasonCode> Task => new(this, _core.Version);

    public void Start(in MqttApplicationMessage message, long sequence)
    {
        Message = message;
        Sequence = sequence;
        _holders = 2;
    }

    /// <summary>
    /// Cancelling the caller's token ends the caller's wait at once. A publish never sent is then
    /// dropped; one already sent keeps its packet id and is resent until the broker acknowledges it,
    /// because the broker may hold it already.
    /// </summary>
    public void WatchCancellation(CancellationToken cancellationToken)
    {
        if (cancellationToken.CanBeCanceled)
        {
            _cancellation = cancellationToken.UnsafeRegister(static (state, token) => ((PendingPublish)state!).OnCancelled(token), this);
        }
    }

    public bool TrySetResult(MqttReasonCode reason)
    {
        if (!TryComplete())
        {
            return false;
        }

        _core.SetResult(reason);
        return true;
    }

    public bool TrySetException(Exception error)
    {
        if (!TryComplete())
        {
            return false;
        }

        _core.SetException(error);
        return true;
    }

    /// <summary>The client is done with it: acknowledged, failed, or dropped unsent.</summary>
    public void ReleaseByClient() => Release();

    MqttReasonCode IValueTaskSource<MqttReasonCode>.GetResult(short token)
    {
        if (token != _core.Version)
        {
            throw new InvalidOperationException("a publish's ValueTask was awaited twice; await it once (or call AsTask())");
        }

        try
        {
            return _core.GetResult(token);
        }
        finally
        {
            Release();
        }
    }

    ValueTaskSourceStatus IValueTaskSource<MqttReasonCode>.GetStatus(short token) => _core.GetStatus(token);

    void IValueTaskSource<MqttReasonCode>.OnCompleted(Action<object?> continuation, object? state, short token,
        ValueTaskSourceOnCompletedFlags flags) => _core.OnCompleted(continuation, state, token, flags);

    private void OnCancelled(CancellationToken token)
    {
        lock (_pool.ClientGate)
        {
            Abandoned = PacketId == 0;
        }

        TrySetException(new OperationCanceledException(token));
    }

    private bool TryComplete()
    {
        if (Interlocked.Exchange(ref _completed, 1) != 0)
        {
            return false;
        }

        _cancellation.Unregister();
        return true;
    }

    private void Release()
    {
        if (Interlocked.Decrement(ref _holders) != 0)
        {
            return;
        }

        // A cancellation callback may still be running on another thread: wait it out before reuse.
        _cancellation.Dispose();
        _cancellation = default;
        _core.Reset();
        Message = default;
        (PacketId, SentOn, Duplicate, Released, Abandoned, _completed) = (0, null, false, false, false, 0);
        _pool.Return(this);
    }
}
