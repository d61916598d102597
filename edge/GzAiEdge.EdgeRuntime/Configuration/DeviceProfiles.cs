namespace GzAiEdge.EdgeRuntime.Configuration;

/// <summary>
/// The board profiles a device config can name (<c>profile: rpi5</c>): one YAML file per board in a folder,
/// <c>profiles/</c> beside the worker (copied there from <c>firmware-configs/profiles</c> by the build).
/// </summary>
public sealed class DeviceProfiles(string directory)
{
    /// <summary>The profiles shipped beside the running binary.</summary>
    public static DeviceProfiles Default { get; } = new(Path.Combine(AppContext.BaseDirectory, "profiles"));

    /// <summary>The folder the profiles are read from.</summary>
    public string Directory { get; } = directory;

    /// <summary>The profile names (file names without <c>.yaml</c>), sorted.</summary>
    public IReadOnlyList<string> Names => System.IO.Directory.Exists(Directory)
        ? [.. System.IO.Directory.EnumerateFiles(Directory, "*.yaml").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal)]
        : [];

    /// <summary>The file of profile <paramref name="name"/>, or null when there is no such profile.</summary>
    public string? Find(string name) =>
        Names.Contains(name, StringComparer.Ordinal) ? Path.Combine(Directory, name + ".yaml") : null;
}
