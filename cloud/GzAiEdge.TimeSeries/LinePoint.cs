namespace GzAiEdge.TimeSeries;

/// <summary>
/// One InfluxDB point. Measurement, tag set and timestamp identify it: writing the same identity
/// again replaces its fields, which is what makes ingestion idempotent.
/// </summary>
/// <param name="Measurement">Measurement name, e.g. <c>kpi</c>.</param>
/// <param name="Tags">Indexed string dimensions; any order (the writer sorts them); empty values are left out.</param>
/// <param name="Fields">At least one field.</param>
/// <param name="Timestamp">Nanoseconds since the Unix epoch (UTC).</param>
public sealed record LinePoint(
    string Measurement,
    IReadOnlyList<KeyValuePair<string, string>> Tags,
    IReadOnlyList<KeyValuePair<string, FieldValue>> Fields,
    long Timestamp)
{
    /// <summary>Nanoseconds since the Unix epoch, the timestamp unit written with <c>precision=ns</c>.</summary>
    /// <exception cref="OverflowException">The time is outside 1677-09-21 … 2262-04-11, the range InfluxDB can store.</exception>
    public static long ToUnixNanoseconds(DateTimeOffset time) =>
        TryToUnixNanoseconds(time.UtcTicks, out var nanoseconds) ? nanoseconds : throw new OverflowException($"{time:O} is outside the range InfluxDB can store");

    /// <summary><see cref="ToUnixNanoseconds"/> of UTC <see cref="DateTime.Ticks"/> without the exception: false outside what InfluxDB stores.</summary>
    public static bool TryToUnixNanoseconds(long utcTicks, out long nanoseconds)
    {
        var sinceEpoch = utcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        nanoseconds = sinceEpoch * 100;
        return sinceEpoch is >= long.MinValue / 100 and <= long.MaxValue / 100;
    }

    public static DateTimeOffset FromUnixNanoseconds(long nanoseconds) => DateTimeOffset.UnixEpoch.AddTicks(nanoseconds / 100);
}
