using Microsoft.Extensions.Configuration;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GzAiEdge.Edge.Configuration;

/// <summary>
/// Flattens a YAML mapping into configuration keys (<c>a: {b: 1}</c> → <c>a:b = 1</c>; lists get
/// indices). Remembers each key's line so that validation can point at it.
/// </summary>
public sealed class YamlConfigurationProvider(string path) : ConfigurationProvider
{
    private readonly Dictionary<string, long> _lines = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The file this provider reads.</summary>
    public string FilePath { get; } = path;

    /// <summary>The line of a key in the file, when the key came from it.</summary>
    public long? LineOf(string key) => _lines.TryGetValue(key, out var line) ? line : null;

    public override void Load()
    {
        if (!File.Exists(FilePath))
        {
            throw new FileNotFoundException($"config file '{FilePath}' not found", FilePath);
        }

        var yaml = new YamlStream();
        try
        {
            using var reader = File.OpenText(FilePath);
            yaml.Load(reader);
        }
        catch (YamlException ex)
        {
            throw new InvalidDataException($"{FilePath}:{ex.Start.Line}: {ex.InnerException?.Message ?? ex.Message}", ex);
        }

        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (yaml.Documents.Count > 0)
        {
            Flatten(yaml.Documents[0].RootNode, prefix: null, data);
        }

        Data = data;
    }

    private void Flatten(YamlNode node, string? prefix, Dictionary<string, string?> data)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    var name = ((YamlScalarNode)key).Value ?? string.Empty;
                    Flatten(value, prefix is null ? name : $"{prefix}:{name}", data);
                }

                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    Flatten(sequence.Children[i], $"{prefix}:{i}", data);
                }

                break;
            case YamlScalarNode scalar when prefix is not null:
                data[prefix] = scalar.Value;
                _lines[prefix] = scalar.Start.Line;
                break;
        }
    }
}
