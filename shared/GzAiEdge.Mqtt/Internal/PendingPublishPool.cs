namespace GzAiEdge.Mqtt.Internal;

/// <summary>Reused <see cref="PendingPublish"/> entries of one client: a steady stream of QoS 1 publishes allocates none.</summary>
internal sealed class PendingPublishPool(Lock clientGate)
{
    private const int MaxKept = 4096;
    private readonly Lock _gate = new();
    private PendingPublish[] _free = [];
    private int _count;

    /// <summary>The client's lock, under which packet ids are given out.</summary>
    public Lock ClientGate { get; } = clientGate;

    public PendingPublish Rent(in MqttApplicationMessage message, long sequence)
    {
        PendingPublish? pending = null;
        lock (_gate)
        {
            if (_count > 0)
            {
                pending = _free[--_count];
                _free[_count] = null!;
            }
        }

        pending ??= new PendingPublish(this);
        pending.Start(message, sequence);
        return pending;
    }

    public void Return(PendingPublish pending)
    {
        lock (_gate)
        {
            if (_count == _free.Length)
            {
                if (_count >= MaxKept)
                {
                    return;
                }

                Array.Resize(ref _free, Math.Min(MaxKept, Math.Max(4, _count * 2)));
            }

            _free[_count++] = pending;
        }
    }
}
