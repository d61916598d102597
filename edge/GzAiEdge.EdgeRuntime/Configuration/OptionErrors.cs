using GzAiEdge.Contracts.Topics;
using Microsoft.Extensions.Options;

namespace GzAiEdge.EdgeRuntime.Configuration;

/// <summary>
/// What one validator found wrong, each as <c>file:line (Key): what is wrong</c>, and the checks the validators
/// share, so that a range or a missing file reads the same in every section.
/// </summary>
public sealed class OptionErrors(ConfigurationLocator locator)
{
    private readonly List<string> _errors = [];

    public int Count => _errors.Count;

    /// <summary>Adds <paramref name="problem"/> under <paramref name="key"/>, with where the key was set.</summary>
    public void Add(string key, string problem) => _errors.Add($"{locator.Describe(key)}: {problem}");

    /// <summary>A site, device or scenario id (<see cref="Identifiers"/>).</summary>
    public void Id(string key, string value)
    {
        if (Identifiers.Check(value) is { } why)
        {
            Add(key, why);
        }
    }

    public void Range(string key, long value, long min, long max)
    {
        if (value < min || value > max)
        {
            Add(key, $"{value} is outside {min}..{max}");
        }
    }

    /// <summary>A probability or overlap, strictly between 0 and 1.</summary>
    public void Fraction(string key, double value)
    {
        if (value is <= 0 or >= 1)
        {
            Add(key, $"{value} is outside 0 < value < 1");
        }
    }

    /// <summary>An optional file: when <paramref name="path"/> is set, it must exist where the device will look.</summary>
    public void OptionalFile(string key, string? path, DeviceFiles files)
    {
        if (path is { Length: > 0 } && !files.FileExists(path))
        {
            Add(key, $"file '{path}' not found{files.Where(path)}");
        }
    }

    public ValidateOptionsResult Result() =>
        _errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(_errors);
}
