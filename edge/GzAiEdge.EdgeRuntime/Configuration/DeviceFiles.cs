namespace GzAiEdge.EdgeRuntime.Configuration;

/// <summary>
/// Where the files a device config names are looked for. The worker looks where the config says; <c>gz config
/// validate --root DIR</c> looks for absolute paths under DIR, the tree that will be installed on the device.
/// </summary>
public sealed class DeviceFiles(string? root = null)
{
    /// <summary>The folder absolute paths are looked up under; null on the device itself.</summary>
    public string? Root { get; } = root;

    /// <summary>Where <paramref name="path"/> is on this machine.</summary>
    public string Resolve(string path) =>
        Root is null || !Path.IsPathRooted(path) ? path : Path.Join(Root, path);

    public bool FileExists(string path) => File.Exists(Resolve(path));

    /// <summary>Words to add to "not found": where it was looked for.</summary>
    public string Where(string path) =>
        Root is not null && Path.IsPathRooted(path) ? $" (looked for under {Root})"
        : Path.IsPathRooted(path) ? string.Empty
        : $" (relative paths start at {Environment.CurrentDirectory})";
}
