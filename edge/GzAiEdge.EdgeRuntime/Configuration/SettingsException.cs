namespace GzAiEdge.EdgeRuntime.Configuration;

/// <summary>
/// Settings that cannot work with what they were checked against (a model's classes, its input size, its task),
/// found where the check is made, away from the configuration: each problem with the key to fix, for the caller
/// to say where that key was set.
/// </summary>
public sealed class SettingsException(IReadOnlyList<(string Key, string Problem)> problems)
    : Exception(string.Join("; ", problems.Select(p => $"{p.Key}: {p.Problem}")))
{
    /// <summary>A single problem under <paramref name="key"/>.</summary>
    public SettingsException(string key, string problem)
        : this([(key, problem)])
    {
    }

    /// <summary>Each problem, with the configuration key it is about (e.g. <c>Pipeline:VehicleClasses:2</c>).</summary>
    public IReadOnlyList<(string Key, string Problem)> Problems { get; } = problems;
}
