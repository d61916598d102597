using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.CommandLine;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;

namespace GzAiEdge.Configuration;

/// <summary>
/// Where a configuration key was set, for error messages people can act on: <c>appsettings.json:12 (Ingestion:BrokerPort)</c>,
/// <c>Ingestion:BrokerPort (from the command line)</c>, <c>Ingestion:BrokerPort (from the environment)</c>.
/// </summary>
public static class ConfigurationOrigins
{
    private static readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, long>> JsonLines = new(StringComparer.Ordinal);

    /// <summary>
    /// The provider whose value <paramref name="key"/> has: the last one added that sets it, or, for a key that holds
    /// other keys, the last one that sets any key under it. Null when none does.
    /// </summary>
    public static IConfigurationProvider? Find(IConfiguration configuration, string key) =>
        configuration is IConfigurationRoot root
            ? root.Providers.Reverse().FirstOrDefault(p => p.TryGet(key, out _)) ?? root.Providers.Reverse().FirstOrDefault(p => p.GetChildKeys([], key).Any())
            : null;

    /// <summary>Says where <paramref name="key"/> was set; <c>Key (not set)</c> when nowhere.</summary>
    public static string Describe(IConfiguration configuration, string key) =>
        Find(configuration, key) is { } provider ? Describe(provider, key) : $"{key} (not set)";

    /// <summary>Says how <paramref name="provider"/> set <paramref name="key"/>: a JSON file with the line, the environment, the command line.</summary>
    public static string Describe(IConfigurationProvider provider, string key) => provider switch
    {
        JsonConfigurationProvider json when FullPath(json) is { } path => JsonLine(path, key) is { } line ? $"{path}:{line} ({key})" : $"{path} ({key})",
        FileConfigurationProvider file => $"{FullPath(file) ?? file.Source.Path} ({key})",
        EnvironmentVariablesConfigurationProvider => $"{key} (from the environment)",
        CommandLineConfigurationProvider => $"{key} (from the command line)",
        _ => $"{key} (from {provider})",
    };

    private static string? FullPath(FileConfigurationProvider file) =>
        file.Source.Path is { } path ? file.Source.FileProvider?.GetFileInfo(path).PhysicalPath ?? path : null;

    // A file is read once for its lines; a file that has changed since gives lines from when it was first read.
    private static long? JsonLine(string path, string key)
    {
        var lines = JsonLines.GetOrAdd(path, JsonKeyLines.Read);
        return lines.TryGetValue(key, out var line) ? line : null;
    }
}
