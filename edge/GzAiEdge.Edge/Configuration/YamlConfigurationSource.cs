using Microsoft.Extensions.Configuration;

namespace GzAiEdge.Edge.Configuration;

/// <summary>A device config file in YAML, read into configuration keys like <c>Edge:Site</c>.</summary>
public sealed class YamlConfigurationSource(string path) : IConfigurationSource
{
    public string Path { get; } = path;

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new YamlConfigurationProvider(Path);
}
