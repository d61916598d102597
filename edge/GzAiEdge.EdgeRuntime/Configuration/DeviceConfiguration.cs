using Microsoft.Extensions.Configuration;

namespace GzAiEdge.EdgeRuntime.Configuration;

/// <summary>
/// Adds a device config file and the board profile it names (<c>profile: rpi5</c>, at the top level) to a
/// configuration. The profile sits below the file: the file overrides any profile value, and a list the file
/// sets replaces the profile's list whole.
/// </summary>
public static class DeviceConfiguration
{
    /// <summary>The top-level key that names the board profile.</summary>
    public const string ProfileKey = "Profile";

    // A profile describes a board; who the device is and what it runs belong in the device file.
    private static readonly string[] ProfileSections = ["Board", "Inference", "Health", "Outbox", "Edge:HeartbeatSeconds"];

    /// <summary>
    /// Adds the profile (when the file names one) and then <paramref name="path"/>. Returns what is wrong with
    /// the choice of profile or with what the profile sets, each as <c>file:line (Key): what</c>; empty when all is well.
    /// </summary>
    /// <exception cref="InvalidDataException">The file (or the profile) is not valid YAML; the message names file and line.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static IReadOnlyList<string> Add(IConfigurationBuilder builder, string path, DeviceProfiles profiles)
    {
        var device = new YamlConfigurationProvider(path);
        device.Load();
        var problems = new List<string>();
        if (device.TryGet(ProfileKey, out var name) && !string.IsNullOrEmpty(name))
        {
            var where = $"{path}:{device.LineOf(ProfileKey)} ({ProfileKey})";
            if (profiles.Find(name) is not { } profilePath)
            {
                var known = profiles.Names;
                problems.Add(known.Count == 0
                    ? $"{where}: unknown profile '{name}'; there are no profiles in {profiles.Directory}"
                    : $"{where}: unknown profile '{name}'; the profiles are {string.Join(", ", known)} (in {profiles.Directory})");
            }
            else
            {
                var profile = new YamlConfigurationProvider(profilePath, device.Lists);
                profile.Load();
                problems.AddRange(profile.Keys.Where(k => !ProfileSections.Any(s => IsIn(k, s))).Order(StringComparer.OrdinalIgnoreCase)
                    .Select(k => $"{profilePath}:{profile.LineOf(k)} ({k}): a profile may set only {string.Join(", ", ProfileSections)}; set this in the device file"));
                builder.Add(new YamlConfigurationSource(profilePath, device.Lists));
            }
        }
        else if (device.Keys.FirstOrDefault(k => IsIn(k, ProfileKey)) is { } key)
        {
            problems.Add($"{path}:{device.LineOf(key)} ({ProfileKey}): must name one profile, e.g. 'profile: rpi5'; the profiles are {string.Join(", ", profiles.Names)}");
        }

        builder.Add(new YamlConfigurationSource(path));
        return problems;
    }

    private static bool IsIn(string key, string section) =>
        key.Equals(section, StringComparison.OrdinalIgnoreCase)
        || key.StartsWith(section + ConfigurationPath.KeyDelimiter, StringComparison.OrdinalIgnoreCase);
}
