using Microsoft.Extensions.Configuration;

namespace GzAiEdge.EdgeRuntime.Configuration;

/// <summary>Says where a configuration key was set, for error messages people can act on.</summary>
public sealed class ConfigurationLocator(IConfiguration configuration)
{
    /// <summary>
    /// E.g. <c>device.yaml:7 (Edge:Site)</c> (or the profile file, when the profile set it), or
    /// <c>device.yaml (Edge:Site, not set)</c>, naming the device file where the missing key belongs.
    /// </summary>
    public string Describe(string key)
    {
        if (configuration is not IConfigurationRoot root)
        {
            return $"{key} (not set)";
        }

        foreach (var provider in root.Providers.Reverse())
        {
            if (provider.TryGet(key, out _))
            {
                return provider switch
                {
                    YamlConfigurationProvider yaml => $"{yaml.FilePath}:{yaml.LineOf(key)} ({key})",
                    DeviceStateConfigurationProvider state => state.Describe(key),
                    _ => $"{key} (from {provider})",
                };
            }
        }

        // The device file is the last YAML file added (a profile sits below it).
        return root.Providers.OfType<YamlConfigurationProvider>().LastOrDefault() is { } device
            ? $"{device.FilePath} ({key}, not set)"
            : $"{key} (not set)";
    }
}
