using System.Globalization;
using GzAiEdge.EdgeRuntime.Configuration;

namespace GzAiEdge.EdgeRuntime.Health;

/// <summary>
/// Reads temperatures from the kernel's thermal zones (<c>/sys/class/thermal/thermal_zone*/temp</c>, millidegrees
/// Celsius; Documentation/driver-api/thermal/sysfs-api.rst). The zones are found by type once; a zone that reads
/// empty or fails (some boards list disabled zones) is left out of that reading.
/// </summary>
public sealed class ThermalZones
{
    private readonly (string Name, string TempFile)[] _zones;

    public ThermalZones(HealthOptions options, string directory = "/sys/class/thermal")
    {
        var byType = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Directory.Exists(directory))
        {
            foreach (var zone in Directory.EnumerateDirectories(directory, "thermal_zone*").Order(StringComparer.Ordinal))
            {
                if (ProcFs.Read(Path.Combine(zone, "type"))?.Trim() is { Length: > 0 } type)
                {
                    byType.TryAdd(type, Path.Combine(zone, "temp"));
                }
            }
        }

        _zones = options.ThermalZones.Count == 0
            ? [.. byType.Select(z => (z.Key, z.Value))]
            : [.. options.ThermalZones
                .Select(z => (z.Name, File: z.Types.Select(t => byType.GetValueOrDefault(t)).FirstOrDefault(f => f is not null)))
                .Where(z => z.File is not null)
                .Select(z => (z.Name, z.File!))];
    }

    /// <summary>The zones found, by the name they are reported under.</summary>
    public IEnumerable<string> Names => _zones.Select(z => z.Name);

    /// <summary>Degrees Celsius by name; null when no zone could be read.</summary>
    public IReadOnlyDictionary<string, double>? Read()
    {
        Dictionary<string, double>? result = null;
        foreach (var (name, file) in _zones)
        {
            if (ProcFs.Read(file)?.Trim() is { Length: > 0 } text
                && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var millidegrees))
            {
                (result ??= new(StringComparer.Ordinal))[name] = millidegrees / 1000.0;
            }
        }

        return result;
    }
}
