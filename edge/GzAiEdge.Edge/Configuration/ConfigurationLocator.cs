using Microsoft.Extensions.Configuration;

namespace GzAiEdge.Edge.Configuration;

/// <summary>Says where a configuration key was set, for error messages people can act on.</summary>
public sealed class ConfigurationLocator(IConfiguration configuration)
{
    /// <summary>E.g. <c>device.yaml:7 (Edge:Site)</c>, or the key alone when no file set it.</summary>
    public string Describe(string key)
    {
        if (configuration is IConfigurationRoot root)
        {
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
        }

        return $"{key} (not set)";
    }
}
