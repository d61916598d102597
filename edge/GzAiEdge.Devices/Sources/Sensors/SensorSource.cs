using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GzAiEdge.Devices.Sources.Sensors;

/// <summary>
/// A signal source over one sensor driver, read in the pipeline's tick: each <see cref="Advance"/> reads what the chip
/// holds (its FIFO, a measurement, the edges of a line) and releases the samples made from it. A bus or line error
/// (an <see cref="IOException"/>: <c>I2cException</c> names bus, address and register, <c>GpioException</c> chip and
/// line) never leaves <see cref="Advance"/>: the device is closed, the source reports <see cref="SourceState.Backoff"/>
/// with the error as its reason, the samples due while it is down are counted as lost, and it opens the device again
/// after a wait (<see cref="SourceRecovery"/>). The pipeline keeps ticking and its windows report what they got.
/// </summary>
/// <remarks>Advance and Read run on the pipeline's thread; <see cref="Stats"/> may be read from any.</remarks>
public abstract class SensorSource : ISignalSource
{
    private readonly string _kind;
    private readonly SourceRecovery _recovery;
    private readonly ILogger _logger;
    private readonly SampleQueue _queue;
    private readonly Lock _gate = new();
    private SourceState _state = SourceState.Connecting;
    private string? _reason;
    private string? _warning;
    private bool _open;
    private bool _failing;
    private int _opens;
    private TimeSpan _backoff;
    private DateTimeOffset _retryAt = DateTimeOffset.MinValue;
    private double _lostFraction;
    private long _received, _delivered, _lost, _skipped, _reconnects, _lastTicks = -1;

    /// <param name="kind">The chip, for <see cref="SourceStats.Kind"/>.</param>
    /// <param name="device">Where it is, for logs (<c>mpu6050 at 0x68 on /dev/i2c-1</c>).</param>
    /// <param name="queueSeconds">Samples kept for a pipeline that is behind, in seconds at the format's rate.</param>
    private protected SensorSource(string kind, string device, SignalFormat format, SourceRecovery recovery, ILogger? logger, double queueSeconds = 4)
    {
        _kind = kind;
        Device = device;
        Format = format;
        _recovery = recovery;
        _logger = logger ?? NullLogger.Instance;
        _backoff = recovery.First;
        _queue = new SampleQueue(format.Channels.Count, (int)Math.Ceiling(format.SampleHz * queueSeconds) + 64);
    }

    public SignalFormat Format { get; }

    /// <summary>The chip and where it is wired, for messages.</summary>
    public string Device { get; }

    public SourceStats Stats
    {
        get
        {
            lock (_gate)
            {
                var last = _lastTicks < 0 ? (DateTimeOffset?)null : new DateTimeOffset(_lastTicks, TimeSpan.Zero);
                var reason = _state == SourceState.Streaming ? _warning : _reason;
                return new SourceStats(_kind, _state, reason, _received, _delivered, _queue.Overwritten, _reconnects, last, _lost, _skipped);
            }
        }
    }

    /// <summary>
    /// Opens the device now rather than at the first tick, so that a worker whose bus or chip is missing stops at
    /// start with the error (a wrong bus number is a config mistake), instead of retrying where no one looks.
    /// </summary>
    /// <exception cref="IOException">The device cannot be opened or initialised; nothing is left open.</exception>
    public void Open()
    {
        if (!_open)
        {
            OpenCore();
        }
    }

    public void Advance(DateTimeOffset now, TimeSpan elapsed)
    {
        if (_state == SourceState.Stopped)
        {
            return;
        }

        if (!_open)
        {
            if (now < _retryAt)
            {
                CountDown(elapsed);
                return;
            }

            try
            {
                OpenCore();
            }
            catch (IOException ex)
            {
                CountDown(elapsed);
                Fail(now, ex.Message);
                return;
            }
        }

        try
        {
            Poll(now, elapsed);
        }
        catch (IOException ex)
        {
            // What the chip held since the last good read is gone with the device.
            CloseDevice();
            _open = false;
            CountDown(elapsed);
            Fail(now, ex.Message);
        }
    }

    public int Read(Span<float> values, Span<SampleStamp> stamps)
    {
        var count = _queue.Take(values, stamps);
        Interlocked.Add(ref _delivered, count);
        return count;
    }

    public void Dispose()
    {
        if (_open)
        {
            CloseDevice();
            _open = false;
        }

        SetState(SourceState.Stopped, null);
        GC.SuppressFinalize(this);
    }

    /// <summary>Opens and initialises the device; throws <see cref="IOException"/> with nothing left open when it cannot.</summary>
    private protected abstract void OpenDevice();

    /// <summary>Reads what the chip holds and <see cref="Emit"/>s the samples made from it.</summary>
    private protected abstract void Poll(DateTimeOffset now, TimeSpan elapsed);

    /// <summary>Releases the device (after an error or on dispose); must not throw.</summary>
    private protected abstract void CloseDevice();

    /// <summary>
    /// A driver run through its initialisation, or disposed when that fails so that nothing is left open. The tick is
    /// synchronous: the datasheet waits inside it are a few milliseconds at start.
    /// </summary>
    private protected static TSensor Initialised<TSensor>(TSensor sensor, Func<TSensor, Task> initialise)
        where TSensor : IDisposable
    {
        try
        {
            initialise(sensor).GetAwaiter().GetResult();
            return sensor;
        }
        catch
        {
            sensor.Dispose();
            throw;
        }
    }

    /// <summary>Releases one sample to the pipeline.</summary>
    private protected void Emit(ReadOnlySpan<float> values, SampleStamp stamp)
    {
        lock (_gate)
        {
            _queue.Add(values, stamp);
            _received++;
            _lastTicks = stamp.Time.UtcTicks;
        }

        _failing = false;
    }

    /// <summary>Counts samples that never came (a FIFO overflow, a gap): a fraction carries over to the next count.</summary>
    private protected void Lose(double samples)
    {
        _lostFraction += samples;
        var whole = (long)Math.Floor(_lostFraction);
        _lostFraction -= whole;
        Interlocked.Add(ref _lost, whole);
    }

    /// <summary>Counts a sample taken but not released because it held no value.</summary>
    private protected void Skip() => Interlocked.Increment(ref _skipped);

    /// <summary>A warning about what the sensor measures, reported while streaming; null clears it.</summary>
    private protected void Warn(string? warning)
    {
        lock (_gate)
        {
            _warning = warning;
        }
    }

    private void OpenCore()
    {
        OpenDevice();
        _open = true;
        if (_opens++ > 0)
        {
            Interlocked.Increment(ref _reconnects);
        }

        SetState(SourceState.Streaming, null);
        DevicesLog.SensorStreaming(_logger, Device, string.Join(", ", Format.Channels), Format.SampleHz);
    }

    private void CountDown(TimeSpan elapsed)
    {
        if (_state == SourceState.Backoff)
        {
            Lose(elapsed.TotalSeconds * Format.SampleHz);
        }
    }

    private void Fail(DateTimeOffset now, string reason)
    {
        _backoff = _failing ? _recovery.After(_backoff) : _recovery.First;
        _failing = true;
        _retryAt = now + _backoff;
        SetState(SourceState.Backoff, reason);
        DevicesLog.SensorFailed(_logger, Device, reason, _backoff);
    }

    private void SetState(SourceState state, string? reason)
    {
        lock (_gate)
        {
            (_state, _reason) = (state, reason);
        }
    }
}
