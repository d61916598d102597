using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace GzAiEdge.EdgeRuntime.Configuration;

/// <summary>Checks the thermal zones the heartbeat reports (section <c>Health</c>, usually from the profile), naming file, line and key.</summary>
public sealed partial class HealthOptionsValidator(ConfigurationLocator locator) : IValidateOptions<HealthOptions>
{
    public ValidateOptionsResult Validate(string? name, HealthOptions options)
    {
        var errors = new OptionErrors(locator);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.ThermalZones.Count; i++)
        {
            var zone = options.ThermalZones[i];
            var key = $"Health:ThermalZones:{i}:Name";
            if (!ZoneName().IsMatch(zone.Name))
            {
                errors.Add(key, $"'{zone.Name}' must be 1–32 of a-z, 0-9 and '-', starting with a letter");
            }
            else if (!names.Add(zone.Name))
            {
                errors.Add(key, $"'{zone.Name}' is named twice");
            }

            if (zone.Types.Count == 0 || zone.Types.Any(string.IsNullOrWhiteSpace))
            {
                errors.Add(key, "needs 'types', the zone types (/sys/class/thermal/thermal_zone*/type) to read, in order of preference");
            }
        }

        return errors.Result();
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,31}$")]
    private static partial Regex ZoneName();
}
