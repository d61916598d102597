using Microsoft.Extensions.Configuration;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GzAiEdge.EdgeRuntime.Configuration;

/// <summary>
/// Flattens a YAML mapping into configuration keys (<c>a: {b: 1}</c> → <c>a:b = 1</c>; lists get
/// indices). Remembers each key's line so that validation can point at it.
/// </summary>
/// <param name="path">The YAML file.</param>
/// <param name="replacedLists">
/// Lists (by key, e.g. <c>Inference:ExecutionProviders</c>) that a file above this one sets: their entries here are
/// left out, so that the upper file's list replaces this one's instead of overlaying it index by index.
/// </param>
public sealed class YamlConfigurationProvider(string path, IReadOnlyCollection<string>? replacedLists = null) : ConfigurationProvider
{
    private readonly Dictionary<string, long> _lines = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _lists = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _topLevel = [];

    /// <summary>The file this provider reads.</summary>
    public string FilePath { get; } = path;

    /// <summary>The keys the file set.</summary>
    public IEnumerable<string> Keys => Data.Keys;

    /// <summary>The keys at the top of the file, also those that hold nothing (<c>commands: {}</c>).</summary>
    public IReadOnlyList<string> TopLevelKeys => _topLevel;

    /// <summary>The keys whose value in the file is a list.</summary>
    public IReadOnlyCollection<string> Lists => _lists;

    /// <summary>The line of a key in the file (of its value, or of the key itself when it holds other keys), when the key came from it.</summary>
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
        _lines.Clear();
        _lists.Clear();
        _topLevel.Clear();
        if (yaml.Documents.Count > 0)
        {
            Flatten(yaml.Documents[0].RootNode, prefix: null, data);
        }

        foreach (var key in data.Keys.Where(IsReplaced).ToList())
        {
            data.Remove(key);
        }

        Data = data;
    }

    private bool IsReplaced(string key) =>
        replacedLists?.Any(list => key.StartsWith(list + ConfigurationPath.KeyDelimiter, StringComparison.OrdinalIgnoreCase)) == true;

    private void Flatten(YamlNode node, string? prefix, Dictionary<string, string?> data)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    var name = ((YamlScalarNode)key).Value ?? string.Empty;
                    var path = prefix is null ? name : $"{prefix}:{name}";
                    if (prefix is null)
                    {
                        _topLevel.Add(name);
                    }

                    if (value is not YamlScalarNode)
                    {
                        // A section or list has no value to point at; its key's line is where it is written.
                        _lines.TryAdd(path, key.Start.Line);
                    }

                    Flatten(value, path, data);
                }

                break;
            case YamlSequenceNode sequence:
                if (prefix is not null)
                {
                    _lists.Add(prefix);
                }

                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    var item = sequence.Children[i];
                    if (item is not YamlScalarNode)
                    {
                        _lines.TryAdd($"{prefix}:{i}", item.Start.Line);
                    }

                    Flatten(item, $"{prefix}:{i}", data);
                }

                break;
            case YamlScalarNode scalar when prefix is not null:
                data[prefix] = scalar.Value;
                _lines[prefix] = scalar.Start.Line;
                break;
        }
    }
}
