using System.Buffers.Text;

namespace GzAiEdge.Contracts.Text;

/// <summary>
/// Appends UTF-8 to a span without allocating, for the hot paths that build canonical bytes and line
/// protocol. Once something does not fit it stops writing and remembers, so callers check
/// <see cref="Overflowed"/> once at the end and retry with more room.
/// </summary>
/// <param name="destination">Where the bytes go.</param>
public ref struct Utf8Output(Span<byte> destination)
{
    private readonly Span<byte> _destination = destination;

    /// <summary>Bytes written so far.</summary>
    public int Written { get; private set; }

    /// <summary>Something did not fit; what follows it was not written either.</summary>
    public bool Overflowed { get; private set; }

    /// <summary>Appends bytes as they are (the caller knows they need no escaping).</summary>
    public void Raw(ReadOnlySpan<byte> bytes)
    {
        if (!Overflowed && bytes.TryCopyTo(_destination[Written..]))
        {
            Written += bytes.Length;
        }
        else
        {
            Overflowed = true;
        }
    }

    /// <summary>Appends one byte.</summary>
    public void Byte(byte value)
    {
        if (!Overflowed && Written < _destination.Length)
        {
            _destination[Written++] = value;
        }
        else
        {
            Overflowed = true;
        }
    }

    /// <summary>Appends a decimal integer (invariant: digits and a leading '-').</summary>
    public void Integer(long value)
    {
        if (!Overflowed && Utf8Formatter.TryFormat(value, _destination[Written..], out var length))
        {
            Written += length;
        }
        else
        {
            Overflowed = true;
        }
    }

    /// <summary><c>yyyy-MM-ddTHH:mm:ss.fffffffZ</c>, the canonical time (7 fraction digits, always).</summary>
    public void UtcTime(long ticks)
    {
        var time = new DateTime(ticks, DateTimeKind.Utc);
        var (year, month, day) = time;
        Digits(year, 4);
        Byte((byte)'-');
        Digits(month, 2);
        Byte((byte)'-');
        Digits(day, 2);
        Byte((byte)'T');
        Digits(time.Hour, 2);
        Byte((byte)':');
        Digits(time.Minute, 2);
        Byte((byte)':');
        Digits(time.Second, 2);
        Byte((byte)'.');
        Digits((int)(ticks % TimeSpan.TicksPerSecond), 7);
        Byte((byte)'Z');
    }

    private void Digits(int value, int count)
    {
        if (Overflowed || Written + count > _destination.Length)
        {
            Overflowed = true;
            return;
        }

        for (var i = count - 1; i >= 0; i--)
        {
            _destination[Written + i] = (byte)('0' + (value % 10));
            value /= 10;
        }

        Written += count;
    }
}
