namespace GzAiEdge.Mqtt.Internal;

/// <summary>
/// One timer for the housekeeping of every connection in the process, instead of a loop per
/// connection: a fleet simulator with 10 000 clients pays for one timer, and an idle connection for
/// one list slot. Every tick each connection's client decides whether to ping or give up (keep-alive),
/// and an idle connection gives its buffers back to the pool.
/// </summary>
internal static class ConnectionTimer
{
    /// <summary>A quarter of the shortest keep-alive (1 s), so that a ping goes out close to half the keep-alive.</summary>
    public static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);

    private static readonly Lock Gate = new();
    private static readonly List<(MqttClient Client, MqttConnection Connection)> Entries = [];
    private static (MqttClient Client, MqttConnection Connection)[] _snapshot = [];
    private static Timer? _timer;
    private static int _ticking;

    public static void Add(MqttClient client, MqttConnection connection)
    {
        lock (Gate)
        {
            if (connection.KeepAliveSlot >= 0)
            {
                return;
            }

            connection.KeepAliveSlot = Entries.Count;
            Entries.Add((client, connection));
            _timer ??= new Timer(static _ => OnTick(), null, Tick, Tick);
        }
    }

    public static void Remove(MqttConnection connection)
    {
        lock (Gate)
        {
            var slot = connection.KeepAliveSlot;
            if (slot < 0)
            {
                return;
            }

            // Swap with the last entry so that removal does not shift the list.
            var last = Entries[^1];
            Entries[slot] = last;
            last.Connection.KeepAliveSlot = slot;
            Entries.RemoveAt(Entries.Count - 1);
            connection.KeepAliveSlot = -1;
        }
    }

    private static void OnTick()
    {
        // A slow tick (a loaded machine) is not stacked on by the next one.
        if (Interlocked.Exchange(ref _ticking, 1) == 1)
        {
            return;
        }

        try
        {
            int count;
            lock (Gate)
            {
                count = Entries.Count;
                if (_snapshot.Length < count)
                {
                    _snapshot = new (MqttClient, MqttConnection)[Math.Max(count, _snapshot.Length * 2)];
                }

                Entries.CopyTo(_snapshot);
            }

            var now = Environment.TickCount64;
            for (var i = 0; i < count; i++)
            {
                var (client, connection) = _snapshot[i];
                _snapshot[i] = default;
                client.OnTimer(connection, now);
            }
        }
        finally
        {
            Volatile.Write(ref _ticking, 0);
        }
    }
}
