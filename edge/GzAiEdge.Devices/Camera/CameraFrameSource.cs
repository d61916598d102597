using System.Collections.Concurrent;
using System.Threading.Channels;
using GzAiEdge.Devices.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GzAiEdge.Devices.Camera;

/// <summary>
/// Frames from a camera, video file or test source through a child process (ffmpeg or gst-launch-1.0) that
/// writes raw RGB24 frames to a pipe. A reader thread reads whole frames into pooled buffers and queues them;
/// when the pipeline is behind, the oldest queued frame is dropped and counted (CONVENTIONS 6), so a slow model
/// sees recent frames and the camera never backs up. The child is restarted with capped exponential backoff
/// when it exits or stalls. Disposing kills the child by PID and reaps it.
/// </summary>
public sealed partial class CameraFrameSource : IFrameSource
{
    private readonly CameraOptions _options;
    private readonly CameraCommand _command;
    private readonly string _input;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly long _startTimestamp;
    private readonly DateTimeOffset _startUtc;
    private readonly Channel<FrameBuffer> _queue;
    private readonly ConcurrentQueue<FrameBuffer> _free = new();
    private readonly StderrTail _stderr;
    private readonly Thread _reader;
    private readonly Timer _watchdog;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();

    private FrameBuffer? _current;
    private int _budget;
    private long _received, _delivered, _dropped, _reconnects, _lastFrameTicks = -1;
    private SourceState _state = SourceState.Connecting;
    private string? _reason;

    /// <summary>Checks <paramref name="options"/> and starts the child; frames queue from then on.</summary>
    /// <exception cref="ArgumentException">The options fail <see cref="CameraOptions.Check"/>; the message lists why.</exception>
    public CameraFrameSource(CameraOptions options, ILogger? logger = null, TimeProvider? time = null)
    {
        var problems = options.Check().Select(p => $"{p.Key}: {p.Problem}").ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"camera options: {string.Join("; ", problems)}", nameof(options));
        }

        _options = options;
        _command = CameraCommand.For(options);
        _input = options.Display;
        _logger = logger ?? NullLogger.Instance;
        _time = time ?? TimeProvider.System;
        _startTimestamp = _time.GetTimestamp();
        _startUtc = _time.GetUtcNow();
        Format = new FrameFormat(options.Width, options.Height, options.Fps);
        _stderr = new StderrTail(6, options.Input);

        // The reader fills one buffer and the pipeline holds one while the queue is full: two more than it holds.
        for (var i = 0; i < options.QueueFrames + 2; i++)
        {
            _free.Enqueue(new FrameBuffer(Format.FrameBytes));
        }

        _queue = Channel.CreateBounded<FrameBuffer>(
            new BoundedChannelOptions(options.QueueFrames) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, SingleWriter = true },
            Dropped);
        var period = TimeSpan.FromSeconds(Math.Clamp(Math.Min(options.StallSeconds, options.ConnectSeconds) / 4, 0.05, 1));
        _watchdog = new Timer(_ => Watch(), null, period, period);
        _reader = new Thread(Run) { IsBackground = true, Name = $"camera {_input}" };
        _reader.Start();
    }

    public FrameFormat Format { get; }

    /// <summary>The running child's PID, or null between restarts.</summary>
    public int? ProcessId
    {
        get
        {
            lock (_gate)
            {
                return _child?.Id;
            }
        }
    }

    public SourceStats Stats
    {
        get
        {
            SourceState state;
            string? reason;
            lock (_gate)
            {
                (state, reason) = (_state, _reason);
            }

            var last = Interlocked.Read(ref _lastFrameTicks);
            return new SourceStats("camera", state, reason, Interlocked.Read(ref _received), Interlocked.Read(ref _delivered),
                Interlocked.Read(ref _dropped), Interlocked.Read(ref _reconnects), last < 0 ? null : new DateTimeOffset(last, TimeSpan.Zero));
        }
    }

    /// <summary>Releases the frames queued now; frames arriving later wait for the next tick.</summary>
    public void Advance(DateTimeOffset now, TimeSpan elapsed) => _budget = _queue.Reader.Count;

    public bool TryRead(out Frame frame)
    {
        if (_current is { } done)
        {
            _current = null;
            _free.Enqueue(done);
        }

        if (_budget > 0 && _queue.Reader.TryRead(out var buffer))
        {
            _budget--;
            _current = buffer;
            Interlocked.Increment(ref _delivered);
            frame = new Frame(buffer.Pixels, buffer.Sequence, buffer.Index, buffer.Time);
            return true;
        }

        frame = default;
        return false;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_stopping.IsCancellationRequested)
            {
                return;
            }

            _stopping.Cancel();
            Kill(_child);
        }

        _budget = 0;

        _watchdog.Dispose();
        _reader.Join();
        SetState(SourceState.Stopped, null);
        _stopping.Dispose();
    }

    private void Dropped(FrameBuffer buffer)
    {
        Interlocked.Increment(ref _dropped);
        _free.Enqueue(buffer);
    }

    private void SetState(SourceState state, string? reason)
    {
        lock (_gate)
        {
            (_state, _reason) = (state, reason);
        }
    }
}
