using GzAiEdge.Contracts.Topics;

namespace GzAiEdge.Ingestion.Quota;

/// <summary>
/// Per-device size and rate limits: a token bucket per device, <see cref="QuotaOptions.Burst"/> deep, refilled at
/// <see cref="QuotaOptions.MessagesPerSecond"/>. A message is charged to the device its topic names
/// (<c>gz/v1/{site}/{device}/{kind}</c>), whatever it claims inside: the broker's ACL lets a device write only its own
/// topics. Once a device is known, checking allocates nothing (it runs on ingestion's hot path). Not thread-safe:
/// one per consumer of a message stream.
/// </summary>
public sealed class DeviceQuota(QuotaOptions options, TimeProvider time)
{
    private const string Prefix = GzTopic.Prefix;
    private readonly Dictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly double _perTick = options.MessagesPerSecond / TimeSpan.TicksPerSecond;

    /// <summary>Whether the last message checked was refused and its device's first refused since it was last within quota (to tell once per episode).</summary>
    public bool StartedRefusing { get; private set; }

    /// <summary>Whether the last message checked was allowed and its device's first since it was last refused.</summary>
    public bool StoppedRefusing { get; private set; }

    /// <summary>Charges one message on <paramref name="topic"/> of <paramref name="length"/> bytes; says whether it is within quota.</summary>
    public QuotaVerdict Check(string topic, int length) => Check(topic, length, out _);

    /// <summary>As <see cref="Check(string, int)"/>, and gives the device (<c>site/device</c>) the message was charged to, or empty.</summary>
    public QuotaVerdict Check(string topic, int length, out ReadOnlySpan<char> device)
    {
        StartedRefusing = StoppedRefusing = false;
        device = DeviceOf(topic);
        if (device.IsEmpty)
        {
            // Not a device topic, or the cloud's own command to a device: neither is the device's traffic.
            return QuotaVerdict.Allowed;
        }

        var lookup = _buckets.GetAlternateLookup<ReadOnlySpan<char>>();
        var now = time.GetTimestamp();
        if (!lookup.TryGetValue(device, out var bucket))
        {
            bucket = new Bucket { Tokens = options.Burst, At = now };
            lookup[device] = bucket;
        }

        if (length > options.MaxMessageBytes)
        {
            return Refuse(bucket, QuotaVerdict.TooLarge);
        }

        // Refilled by the time since the last message, up to the burst.
        var elapsed = (now - bucket.At) * (double)TimeSpan.TicksPerSecond / time.TimestampFrequency;
        bucket.Tokens = Math.Min(options.Burst, bucket.Tokens + (elapsed * _perTick));
        bucket.At = now;
        if (bucket.Tokens < 1)
        {
            return Refuse(bucket, QuotaVerdict.TooFast);
        }

        bucket.Tokens -= 1;
        StoppedRefusing = bucket.Refusing;
        bucket.Refusing = false;
        return QuotaVerdict.Allowed;
    }

    /// <summary>Why a message was refused, for its dead letter; starts with <c>quota</c>.</summary>
    public string Reason(QuotaVerdict verdict, int length) => verdict switch
    {
        QuotaVerdict.TooLarge => $"{QuotaReason.Prefix}: {length} bytes, over the {options.MaxMessageBytes} a device may send in one message (Ingestion:Quota:MaxMessageBytes)",
        QuotaVerdict.TooFast => $"{QuotaReason.Prefix}: over the {options.MessagesPerSecond:0.###} messages per second a device may send after a burst of {options.Burst} (Ingestion:Quota)",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, "a message within quota has no quota reason"),
    };

    private QuotaVerdict Refuse(Bucket bucket, QuotaVerdict verdict)
    {
        StartedRefusing = !bucket.Refusing;
        bucket.Refusing = true;
        return verdict;
    }

    /// <summary><c>site/device</c> of a device topic other than <c>cmd</c>; empty for anything else.</summary>
    private static ReadOnlySpan<char> DeviceOf(string topic)
    {
        var span = topic.AsSpan();
        if (!span.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return default;
        }

        var rest = span[Prefix.Length..];
        var first = rest.IndexOf('/');
        if (first <= 0)
        {
            return default;
        }

        var second = rest[(first + 1)..].IndexOf('/');
        if (second <= 0)
        {
            return default;
        }

        var end = first + 1 + second;
        return rest[(end + 1)..] is "cmd" ? default : rest[..end];
    }

    private sealed class Bucket
    {
        public double Tokens { get; set; }

        public long At { get; set; }

        public bool Refusing { get; set; }
    }
}
