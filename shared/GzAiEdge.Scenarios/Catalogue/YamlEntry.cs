using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace GzAiEdge.Scenarios.Catalogue;

/// <summary>Reads values out of one mapping node, recording each problem with its file and line.</summary>
internal sealed class YamlEntry(YamlNode node, string source, List<string> errors)
{
    public long Line => node.Start.Line;

    public YamlNode Node => node;

    /// <summary>Records an error at a line of this file.</summary>
    public void Error(long line, string message) => errors.Add($"{source}:{line}: {message}");

    /// <summary>The node at a dotted path (<c>name.zh</c>), or null when any step is missing.</summary>
    public YamlNode? Find(string path)
    {
        YamlNode? current = node;
        foreach (var key in path.Split('.'))
        {
            if (current is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var child))
            {
                current = child;
            }
            else
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>A scalar at a dotted path, or null with an error recorded.</summary>
    public string? Required(string path)
    {
        var found = Find(path);
        if (found is null)
        {
            errors.Add($"{source}:{LineOfDeepestParent(path)}: missing '{path}'");
            return null;
        }

        return Text(found, path);
    }

    /// <summary>A scalar at a dotted path, or null (no error) when absent.</summary>
    public string? Optional(string path) => Find(path) is { } found ? Text(found, path) : null;

    /// <summary>A finite number at a dotted path; an error when present but not a number, or missing and required.</summary>
    public double? Number(string path, bool required)
    {
        var text = required ? Required(path) : Optional(path);
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        errors.Add($"{source}:{Find(path)!.Start.Line}: '{path}' must be a number, not '{text}'");
        return null;
    }

    /// <summary>A child mapping or sequence entry as its own entry, for nested reads.</summary>
    public YamlEntry For(YamlNode child) => new(child, source, errors);

    private string? Text(YamlNode found, string path)
    {
        if (found is YamlScalarNode { Value: { Length: > 0 } value })
        {
            return value;
        }

        errors.Add($"{source}:{found.Start.Line}: '{path}' must be a non-empty text value");
        return null;
    }

    private long LineOfDeepestParent(string path)
    {
        YamlNode current = node;
        foreach (var key in path.Split('.'))
        {
            if (current is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var child))
            {
                current = child;
            }
            else
            {
                break;
            }
        }

        return current.Start.Line;
    }
}
