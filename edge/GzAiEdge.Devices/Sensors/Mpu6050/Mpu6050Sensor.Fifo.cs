using System.Buffers.Binary;
using System.Numerics;
using GzAiEdge.Devices.I2c;
using static GzAiEdge.Devices.Sensors.Mpu6050.Mpu6050Registers;

namespace GzAiEdge.Devices.Sensors.Mpu6050;

public sealed partial class Mpu6050Sensor
{
    private readonly byte[] _burst = new byte[FifoSize];
    private float _accelScale;
    private float _gyroScale;
    private long _nextIndex;
    private long _lastCountAt;
    private int _framesLeftAtLastCount;
    private bool _misaligned;

    /// <summary>
    /// Samples lost since initialisation: overwritten after an overflow, discarded by the FIFO reset that recovers
    /// from it, or cut by a failed transfer. Counted from the host clock and the sample rate (the chip does not
    /// count them), so within about one sample per event; <see cref="Mpu6050Sample.Index"/> skips them.
    /// </summary>
    public long LostSamples { get; private set; }

    /// <summary>FIFO overflows detected since initialisation; each was recovered by a FIFO reset.</summary>
    public int Overflows { get; private set; }

    /// <summary>
    /// Reads the whole frames the FIFO holds, up to <paramref name="destination"/>.Length, and returns how many.
    /// Frames left over stay in the FIFO for the next call. After an overflow (INT_STATUS.FIFO_OFLOW_INT, or the
    /// FIFO full) the FIFO no longer starts at a frame boundary: it is reset, the loss counted, and 0 returned.
    /// Allocates nothing.
    /// </summary>
    /// <exception cref="I2cException">A transfer failed; the next call resynchronises the FIFO and counts the loss.</exception>
    public int ReadSamples(Span<Mpu6050Sample> destination)
    {
        var settings = _settings ?? throw new InvalidOperationException("Mpu6050Sensor.InitializeAsync must succeed before ReadSamples");
        if (_misaligned)
        {
            Recover(isOverflow: false);
            return 0;
        }
        if ((_device.ReadRegister(IntStatus) & FifoOverflow) != 0)
        {
            Recover(isOverflow: true);
            return 0;
        }

        var count = _device.ReadUInt16BigEndian(FifoCountH);
        var countedAt = _time.GetTimestamp();
        if (count > FifoSize)
            throw new I2cException(_device.Bus, _device.Address, FifoCountH, $"FIFO_COUNT {count} is more than the FIFO's {FifoSize} bytes");
        if (count == FifoSize)
        {
            Recover(isOverflow: true);
            return 0;
        }

        var frameSize = settings.FrameSize;
        var available = count / frameSize;
        var frames = Math.Min(available, destination.Length);
        var bytes = _burst.AsSpan(0, frames * frameSize);
        if (frames > 0)
        {
            try
            {
                _device.ReadRegisters(FifoRw, bytes);
            }
            catch (I2cException)
            {
                // Part of a frame may have been popped: what is in the FIFO no longer starts at a frame.
                (_misaligned, _lastCountAt, _framesLeftAtLastCount) = (true, countedAt, available);
                throw;
            }
        }

        var ticksPerSample = TimeSpan.TicksPerSecond / settings.SampleRateHz;
        for (var i = 0; i < frames; i++)
        {
            var frame = bytes.Slice(i * frameSize, frameSize);
            var index = _nextIndex++;
            var time = TimeSpan.FromTicks((long)Math.Round(index * ticksPerSample));
            destination[i] = new Mpu6050Sample(index, time, Axes(frame, _accelScale),
                settings.IncludeGyro ? Axes(frame[6..], _gyroScale) : null);
        }
        (_lastCountAt, _framesLeftAtLastCount) = (countedAt, available - frames);
        return frames;
    }

    private static Vector3 Axes(ReadOnlySpan<byte> data, float scale) => new Vector3(
        BinaryPrimitives.ReadInt16BigEndian(data),
        BinaryPrimitives.ReadInt16BigEndian(data[2..]),
        BinaryPrimitives.ReadInt16BigEndian(data[4..])) * scale;

    /// <summary>
    /// Resets the FIFO and counts what is lost: the frames that were in it at the last count, and every sample
    /// the chip took since then, at the configured rate.
    /// </summary>
    private void Recover(bool isOverflow)
    {
        var sinceCount = _time.GetElapsedTime(_lastCountAt).TotalSeconds * _settings!.SampleRateHz;
        var lost = _framesLeftAtLastCount + (long)Math.Round(sinceCount);
        RestartFifo();
        LostSamples += lost;
        _nextIndex += lost;
        if (isOverflow)
            Overflows++;
    }

    /// <summary>
    /// FIFO_RESET works only while USER_CTRL.FIFO_EN is 0 (4.27): stop, reset, start; then read INT_STATUS so that
    /// an overflow from before the reset is not taken for a new one.
    /// </summary>
    private void RestartFifo()
    {
        _device.WriteRegister(UserCtrl, 0);
        _device.WriteRegister(UserCtrl, UserCtrlFifoReset);
        _device.WriteRegister(UserCtrl, UserCtrlFifoEnable);
        _device.ReadRegister(IntStatus);
        (_lastCountAt, _framesLeftAtLastCount, _misaligned) = (_time.GetTimestamp(), 0, false);
    }
}
