using GzAiEdge.Devices.I2c;
using static GzAiEdge.Devices.Sensors.Max30102.Max30102Registers;

namespace GzAiEdge.Devices.Sensors.Max30102;

public sealed partial class Max30102Sensor
{
    private const int SampleSize = 6; // SpO2 mode: red then IR, 3 bytes each
    private readonly byte[] _status = new byte[FifoReadPointer - IntStatus1 + 1];
    private readonly byte[] _burst = new byte[FifoDepth * SampleSize];
    private long _nextIndex;
    private long _lastPollAt;
    private int _leftAtLastPoll;
    private long _pendingGap;
    private int _beforeGap;
    private bool _misaligned;

    /// <summary>
    /// Samples lost since initialisation: the chip's overflow counter (exact up to its saturation at 31; beyond,
    /// estimated from the host clock and the sample rate), plus what a failed transfer cut. <see cref="Max30102Sample.Index"/>
    /// skips them.
    /// </summary>
    public long LostSamples { get; private set; }

    /// <summary>Times the FIFO was found full with samples lost.</summary>
    public int Overflows { get; private set; }

    /// <summary>Polls that found ALC_OVF: ambient light beyond what the chip can cancel, so readings were unreliable.</summary>
    public int AmbientLightOverflows { get; private set; }

    /// <summary>
    /// Reads the samples the FIFO holds, up to <paramref name="destination"/>.Length, and returns how many. One
    /// burst of Interrupt Status 1 to the read pointer gives the status (read clears it) and the pointers; one burst
    /// of FIFO_DATA gives the samples. Allocates nothing.
    /// </summary>
    /// <exception cref="I2cException">A transfer failed; the next call clears the FIFO and counts the loss.</exception>
    public int ReadSamples(Span<Max30102Sample> destination)
    {
        var settings = _settings ?? throw new InvalidOperationException("Max30102Sensor.InitializeAsync must succeed before ReadSamples");
        if (_misaligned)
        {
            Resynchronise(settings);
            return 0;
        }

        _device.ReadRegisters(IntStatus1, _status);
        var polledAt = _time.GetTimestamp();
        var (status, write, overflow, read) = (_status[0], _status[4] & 0x1F, _status[5] & 0x1F, _status[6] & 0x1F);
        if ((status & AmbientLightOverflow) != 0)
            AmbientLightOverflows++;
        var available = (write - read) & (FifoDepth - 1);
        // Equal pointers mean empty or full; A_FULL (set at 0 free slots) or lost samples say full.
        if (available == 0 && (overflow > 0 || (status & AlmostFull) != 0))
            available = FifoDepth;
        if (overflow > 0)
            CountOverflow(overflow, available, polledAt, settings);

        var count = Math.Min(available, destination.Length);
        var bytes = _burst.AsSpan(0, count * SampleSize);
        if (count > 0)
        {
            try
            {
                _device.ReadRegisters(FifoData, bytes);
            }
            catch (I2cException)
            {
                // The chip advanced its read pointer for every sample begun; where it stands is unknown.
                (_misaligned, _lastPollAt, _leftAtLastPoll) = (true, polledAt, available);
                throw;
            }
        }

        var ticksPerSample = TimeSpan.TicksPerSecond / settings.SampleRateHz;
        for (var i = 0; i < count; i++)
        {
            if (_pendingGap > 0 && _beforeGap == 0)
                (_nextIndex, _pendingGap) = (_nextIndex + _pendingGap, 0);
            _beforeGap = Math.Max(0, _beforeGap - 1);
            var index = _nextIndex++;
            var sample = bytes.Slice(i * SampleSize, SampleSize);
            destination[i] = new Max30102Sample(index, TimeSpan.FromTicks((long)Math.Round(index * ticksPerSample)), Channel(sample), Channel(sample[3..]));
        }
        (_lastPollAt, _leftAtLastPoll) = (polledAt, available - count);
        return count;
    }

    // FIFO data are left-justified 18-bit values in 3 bytes; bits 23:18 are not used (datasheet, FIFO Data).
    private static int Channel(ReadOnlySpan<byte> b) => ((b[0] << 16) | (b[1] << 8) | b[2]) & 0x3FFFF;

    /// <summary>
    /// With rollover off, a full FIFO keeps its 32 oldest samples and drops new ones, counting them in
    /// OVF_COUNTER until it saturates at 31 (datasheet, Overflow Counter). The gap therefore comes after the
    /// samples now in the FIFO. A saturated counter is a floor: the clock says how many the chip took since the
    /// last poll, of which only the free slots then were kept.
    /// </summary>
    private void CountOverflow(int counted, int available, long polledAt, Max30102Settings settings)
    {
        long lost = counted;
        if (counted == OverflowCounterMax)
        {
            var taken = (long)Math.Round(_time.GetElapsedTime(_lastPollAt, polledAt).TotalSeconds * settings.SampleRateHz);
            lost = Math.Max(lost, taken - (FifoDepth - _leftAtLastPoll));
        }
        LostSamples += lost;
        Overflows++;
        _pendingGap += lost;
        _beforeGap = available;
    }

    /// <summary>After a failed FIFO read: clear the FIFO and count what was in it and what arrived since.</summary>
    private void Resynchronise(Max30102Settings settings)
    {
        var taken = (long)Math.Round(_time.GetElapsedTime(_lastPollAt).TotalSeconds * settings.SampleRateHz);
        var lost = _leftAtLastPoll + taken;
        ClearFifo();
        LostSamples += lost;
        _nextIndex += lost + _pendingGap; // a gap still pending was counted when it was found
        (_pendingGap, _beforeGap, _lastPollAt, _leftAtLastPoll) = (0, 0, _time.GetTimestamp(), 0);
    }

    /// <summary>The datasheet's "clear FIFO_WR_PTR, OVF_COUNTER and FIFO_RD_PTR" before sampling.</summary>
    private void ClearFifo()
    {
        _device.WriteRegister(FifoWritePointer, 0);
        _device.WriteRegister(OverflowCounter, 0);
        _device.WriteRegister(FifoReadPointer, 0);
        _misaligned = false;
    }
}
