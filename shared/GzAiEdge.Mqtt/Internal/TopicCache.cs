namespace GzAiEdge.Mqtt.Internal;

/// <summary>
/// Topic names of received PUBLISH packets, each allocated once: a fleet publishes on a fixed set of
/// topics, so after the first message on a topic its name costs nothing. Bounded: past
/// <see cref="MaxEntries"/> names (or for names longer than <see cref="MaxCachedLength"/>) a new
/// string is made each time, so a broker sending endless distinct topics costs time, not memory.
/// Only the read loop uses it; not thread-safe.
/// </summary>
internal sealed class TopicCache
{
    public const int MaxEntries = 65_536;
    public const int MaxCachedLength = 256;
    private HashSet<string>? _names;
    private HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public string Get(ReadOnlySpan<char> name)
    {
        if (name.Length > MaxCachedLength)
        {
            return name.ToString();
        }

        if (_names is null)
        {
            _names = new HashSet<string>(StringComparer.Ordinal);
            _lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        if (_lookup.TryGetValue(name, out var known))
        {
            return known;
        }

        var created = name.ToString();
        if (_names.Count < MaxEntries)
        {
            _names.Add(created);
        }

        return created;
    }
}
