using Microsoft.Extensions.Configuration;

namespace GzAiEdge.Configuration;

/// <summary>
/// Keys that configuration binding would silently ignore: a key a bound section's type does not have (a misspelling
/// keeps the default), an item of a list under a key that is not an index, and one value where a list or a section
/// is read. Each is reported as <c>where (Section:key): unknown key; did you mean 'scoreThreshold'?</c>.
/// </summary>
public static class UnknownKeys
{
    /// <summary>Every such key under the <paramref name="sections"/>; sections nobody binds are not looked at.</summary>
    /// <param name="configuration">The configuration the options are bound from.</param>
    /// <param name="sections">The bound sections and their types.</param>
    /// <param name="describe">Where a key was set, e.g. <c>device.yaml:7 (Pipeline:scoreTreshold)</c>.</param>
    public static IReadOnlyList<string> Find(IConfiguration configuration, IEnumerable<BoundSection> sections, Func<string, string> describe)
    {
        var problems = new List<string>();
        var reported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in sections.GroupBy(s => s.Section, StringComparer.OrdinalIgnoreCase))
        {
            var types = group.Select(s => KnownKeys.Of(s.OptionsType)).ToList();
            foreach (var (key, value) in configuration.GetSection(group.Key).AsEnumerable(makePathsRelative: true))
            {
                if (value is null || key.Length == 0)
                {
                    continue;
                }

                // A key another type bound to the same section reads is known.
                var segments = key.Split(ConfigurationPath.KeyDelimiter);
                var found = types.Select(t => Walk(t, group.Key, segments, value)).ToList();
                if (found.All(f => f is not null) && found[0] is (var path, var problem) && reported.Add(path))
                {
                    problems.Add($"{describe(path)}: {problem}");
                }
            }
        }

        return problems;
    }

    /// <summary>
    /// The <paramref name="keys"/> (the top-level keys of a file that holds only sections this program reads) that
    /// are not one of <paramref name="known"/>.
    /// </summary>
    public static IReadOnlyList<string> FindSections(IEnumerable<string> keys, IReadOnlyCollection<string> known, Func<string, string> describe) =>
    [
        .. keys.Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(k => !known.Contains(k, StringComparer.OrdinalIgnoreCase))
            .Select(k => $"{describe(k)}: {Unknown(k, known)}"),
    ];

    /// <summary><c>unknown key; did you mean 'x'?</c>, or the keys there are when none is close.</summary>
    public static string Unknown(string key, IEnumerable<string> known)
    {
        var names = known.ToList();
        var closest = names.Select(n => (Name: n, Distance: Distance(key.ToUpperInvariant(), n.ToUpperInvariant()))).MinBy(n => n.Distance);
        return closest.Name is not null && closest.Distance <= Math.Max(1, Math.Min(3, key.Length / 3))
            ? $"unknown key; did you mean '{Cased(closest.Name, key)}'?"
            : $"unknown key; the keys here are {string.Join(", ", names.Select(n => Cased(n, key)))}";
    }

    private static (string Path, string Problem)? Walk(KnownKeys keys, string section, string[] segments, string value)
    {
        var path = section;
        foreach (var segment in segments)
        {
            var here = $"{path}{ConfigurationPath.KeyDelimiter}{segment}";
            switch (keys.Shape)
            {
                case KeyShape.Value:
                    return (here, $"unknown key; {path} holds one value, not keys");
                case KeyShape.List when !int.TryParse(segment, out _):
                    return (here, $"unknown key; {path} is a list, whose items are '- ' entries");
                case KeyShape.List or KeyShape.Map:
                    keys = KnownKeys.Of(keys.ElementType!);
                    break;
                default:
                    if (keys.Child(segment) is not { } child)
                    {
                        return (here, Unknown(segment, keys.Names));
                    }

                    keys = child.Keys;
                    break;
            }

            path = here;
        }

        // An empty value binds as nothing; any other single value where a list or section is read is lost.
        return keys.Shape switch
        {
            KeyShape.List when value.Length > 0 => (path, $"'{value}' is one value; this key takes a list, e.g. [{value}]"),
            KeyShape.Object or KeyShape.Map when value.Length > 0 => (path, $"'{value}' is one value; this key takes keys of its own"),
            _ => null,
        };
    }

    // The known name spelt as the file spells its keys: camelCase in the YAML device configs, PascalCase in appsettings.json.
    private static string Cased(string name, string written) =>
        written.Length > 0 && char.IsLower(written[0]) && name.Length > 0 ? char.ToLowerInvariant(name[0]) + name[1..] : name;

    // Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours each count 1.
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
