using GzAiEdge.Configuration;
using Microsoft.Extensions.Configuration;

namespace GzAiEdge.EdgeRuntime.Configuration;

/// <summary>Says where a configuration key was set, for error messages people can act on.</summary>
public sealed class ConfigurationLocator(IConfiguration configuration)
{
    /// <summary>
    /// E.g. <c>device.yaml:7 (Edge:Site)</c> (or the profile file, when the profile set it), <c>Edge:Site (from the
    /// command line)</c>, or <c>device.yaml (Edge:Site, not set)</c>, naming the device file where the missing key belongs.
    /// A key that holds other keys (a section, a list) is where the file names it.
    /// </summary>
    public string Describe(string key)
    {
        if (configuration is not IConfigurationRoot root)
        {
            return $"{key} (not set)";
        }

        if (ConfigurationOrigins.Find(root, key) is { } provider)
        {
            return provider switch
            {
                YamlConfigurationProvider yaml => yaml.LineOf(key) is { } line ? $"{yaml.FilePath}:{line} ({key})" : $"{yaml.FilePath} ({key})",
                DeviceStateConfigurationProvider state => state.Describe(key),
                _ => ConfigurationOrigins.Describe(provider, key),
            };
        }

        // A key that holds nothing (commands: {}) is still where a file names it.
        if (root.Providers.OfType<YamlConfigurationProvider>().LastOrDefault(y => y.LineOf(key) is not null) is { } named)
        {
            return $"{named.FilePath}:{named.LineOf(key)} ({key})";
        }

        // The device file is the last YAML file added (a profile sits below it).
        return root.Providers.OfType<YamlConfigurationProvider>().LastOrDefault() is { } device
            ? $"{device.FilePath} ({key}, not set)"
            : $"{key} (not set)";
    }
}
