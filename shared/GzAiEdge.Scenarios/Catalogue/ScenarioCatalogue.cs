using System.Diagnostics.CodeAnalysis;
using GzAiEdge.Contracts.Topics;

namespace GzAiEdge.Scenarios.Catalogue;

/// <summary>The programme's scenarios by id, and which devices each one lists.</summary>
public sealed class ScenarioCatalogue
{
    // Ids hold no '/' (Identifiers), so "scenario/site/device" names one listing unambiguously.
    private const char Separator = '/';
    private const int MaxListingLength = (3 * Identifiers.MaxLength) + 2;

    private readonly Dictionary<string, Scenario> _byId;
    private readonly HashSet<string> _listings;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _listingLookup;

    /// <summary>Creates a catalogue; ids must be unique (the loader checks this with line numbers).</summary>
    public ScenarioCatalogue(IEnumerable<Scenario> scenarios)
    {
        _byId = scenarios.ToDictionary(s => s.Id, StringComparer.Ordinal);
        _listings = [.. _byId.Values.SelectMany(s => s.Sites.SelectMany(site => site.Devices.Select(device => $"{s.Id}{Separator}{site.Site}{Separator}{device}")))];
        _listingLookup = _listings.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>All scenarios, in id order.</summary>
    public IReadOnlyList<Scenario> All => [.. _byId.Values.OrderBy(s => s.Id, StringComparer.Ordinal)];

    /// <summary>Looks a scenario up by id.</summary>
    public bool TryGet(string id, [NotNullWhen(true)] out Scenario? scenario) => _byId.TryGetValue(id, out scenario);

    /// <summary>
    /// Whether scenario <paramref name="scenario"/> lists device <paramref name="device"/> of site <paramref name="site"/>
    /// among those whose reports count for it: one hash lookup, nothing allocated, so that ingestion can ask it of
    /// every report. False for anything that is not a listed id.
    /// </summary>
    public bool Lists(ReadOnlySpan<char> scenario, ReadOnlySpan<char> site, ReadOnlySpan<char> device)
    {
        if (scenario.Length + site.Length + device.Length + 2 > MaxListingLength
            || scenario.Contains(Separator) || site.Contains(Separator) || device.Contains(Separator))
        {
            return false;
        }

        Span<char> key = stackalloc char[MaxListingLength];
        scenario.CopyTo(key);
        var length = scenario.Length;
        key[length++] = Separator;
        site.CopyTo(key[length..]);
        length += site.Length;
        key[length++] = Separator;
        device.CopyTo(key[length..]);
        length += device.Length;
        return _listingLookup.Contains(key[..length]);
    }
}
