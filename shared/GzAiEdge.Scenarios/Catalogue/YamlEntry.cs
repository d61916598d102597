using YamlDotNet.RepresentationModel;

namespace GzAiEdge.Scenarios.Catalogue;

/// <summary>Reads scalar values out of one mapping node, recording missing ones with their line.</summary>
internal sealed class YamlEntry(YamlNode node, string source, List<string> errors)
{
    public long Line => node.Start.Line;

    /// <summary>A scalar at a dotted path (<c>name.zh</c>), or null with an error recorded.</summary>
    public string? Required(string path)
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
                errors.Add($"{source}:{(current ?? node).Start.Line}: missing '{path}'");
                return null;
            }
        }

        if (current is YamlScalarNode { Value: { Length: > 0 } value })
        {
            return value;
        }

        errors.Add($"{source}:{current.Start.Line}: '{path}' must be a non-empty text value");
        return null;
    }
}
