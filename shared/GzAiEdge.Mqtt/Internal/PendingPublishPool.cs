namespace GzAiEdge.Mqtt.Internal;

/// <summary>Reused <see cref="PendingPublish"/> entries of one client: a steady stream of QoS 1 publishes allocates none.</summary>
internal sealed class PendingPublishPool(Lock clientGate)
{
    private const int MaxKept = 4096;
    private readonly FreeList<PendingPublish> _free = new(MaxKept);

    /// <summary>The client's lock, under which packet ids are given out.</summary>
    public Lock ClientGate { get; } = clientGate;

    public PendingPublish Rent(in MqttApplicationMessage message, long sequence)
    {
        if (!_free.TryTake(out var pending))
        {
            pending = new PendingPublish(this);
        }

        pending.Start(message, sequence);
        return pending;
    }

    public void Return(PendingPublish pending) => _free.Give(pending);
}
