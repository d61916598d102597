using System.Diagnostics.Metrics;
using System.Threading.Channels;

namespace GzAiEdge.Monitoring.Live;

/// <summary>
/// Fans live events out to the open SSE streams. A slow browser must not hold up the feed or the
/// other streams, so each stream has its own small buffer that drops its oldest event when full;
/// the dashboard reloads from the API on reconnect, so a dropped event costs freshness, not data.
/// </summary>
public sealed class LiveHub : ILiveEvents
{
    /// <summary>The meter of the live feed's instruments (docs/operations.md).</summary>
    public const string MeterName = "GzAiEdge.Monitoring";

    private const int StreamCapacity = 256;
    private readonly Lock _gate = new();
    private readonly List<Channel<LiveEvent>> _streams = [];

    /// <summary>A hub without instruments (tests).</summary>
    public LiveHub()
    {
    }

    /// <summary>A hub whose open streams are the gauge <c>gz.live.streams</c>.</summary>
    public LiveHub(IMeterFactory meters)
    {
        meters.Create(MeterName).CreateObservableGauge("gz.live.streams", () => StreamCount, "{stream}", "Open live (SSE) streams: dashboards and other clients");
    }

    public int StreamCount
    {
        get
        {
            lock (_gate)
            {
                return _streams.Count;
            }
        }
    }

    /// <summary>Opens a stream; dispose the returned subscription to close it.</summary>
    public Subscription Subscribe()
    {
        var channel = Channel.CreateBounded<LiveEvent>(new BoundedChannelOptions(StreamCapacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (_gate)
        {
            _streams.Add(channel);
        }

        return new Subscription(this, channel);
    }

    public void Publish(LiveEvent liveEvent)
    {
        lock (_gate)
        {
            foreach (var stream in _streams)
            {
                stream.Writer.TryWrite(liveEvent);
            }
        }
    }

    private void Remove(Channel<LiveEvent> channel)
    {
        lock (_gate)
        {
            _streams.Remove(channel);
        }

        channel.Writer.TryComplete();
    }

    /// <summary>One open stream.</summary>
    public sealed class Subscription(LiveHub hub, Channel<LiveEvent> channel) : IDisposable
    {
        public ChannelReader<LiveEvent> Events => channel.Reader;

        public void Dispose() => hub.Remove(channel);
    }
}
