using System.Threading.Tasks.Sources;

namespace GzAiEdge.Mqtt.Internal;

/// <summary>
/// An auto-reset event for one waiter (a connection's publish pump) that costs no allocation per
/// wait: <see cref="Set"/> from any thread wakes the waiter or lets its next wait pass; <see cref="Close"/>
/// ends waiting for good (the wait returns false), so the waiter needs no cancellation token.
/// </summary>
internal sealed class AsyncSignal : IValueTaskSource<bool>
{
    private const int Idle = 0;
    private const int Signaled = 1;
    private const int Waiting = 2;
    private ManualResetValueTaskSourceCore<bool> _core = new() { RunContinuationsAsynchronously = true };
    private int _state;
    private volatile bool _closed;

    public void Set()
    {
        while (true)
        {
            switch (Volatile.Read(ref _state))
            {
                case Signaled:
                    return;
                case Idle when Interlocked.CompareExchange(ref _state, Signaled, Idle) == Idle:
                    return;
                case Waiting when Interlocked.CompareExchange(ref _state, Idle, Waiting) == Waiting:
                    _core.SetResult(!_closed);
                    return;
            }
        }
    }

    public void Close()
    {
        _closed = true;
        Set();
    }

    /// <summary>Waits for the next <see cref="Set"/>; false once closed. One waiter at a time.</summary>
    public ValueTask<bool> WaitAsync()
    {
        if (_closed)
        {
            return ValueTask.FromResult(false);
        }

        if (Interlocked.CompareExchange(ref _state, Idle, Signaled) == Signaled)
        {
            return ValueTask.FromResult(!_closed);
        }

        _core.Reset();
        return Interlocked.CompareExchange(ref _state, Waiting, Idle) == Idle
            ? new ValueTask<bool>(this, _core.Version)
            : WaitAsync();
    }

    bool IValueTaskSource<bool>.GetResult(short token) => _core.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<bool>.GetStatus(short token) => _core.GetStatus(token);

    void IValueTaskSource<bool>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);
}
