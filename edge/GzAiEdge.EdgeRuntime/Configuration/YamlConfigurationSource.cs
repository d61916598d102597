using Microsoft.Extensions.Configuration;

namespace GzAiEdge.EdgeRuntime.Configuration;

/// <summary>A device config file (or profile) in YAML, read into configuration keys like <c>Edge:Site</c>.</summary>
/// <param name="path">The YAML file.</param>
/// <param name="replacedLists">Lists a file above this one sets (see <see cref="YamlConfigurationProvider"/>).</param>
public sealed class YamlConfigurationSource(string path, IReadOnlyCollection<string>? replacedLists = null) : IConfigurationSource
{
    public string Path { get; } = path;

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new YamlConfigurationProvider(Path, replacedLists);
}
