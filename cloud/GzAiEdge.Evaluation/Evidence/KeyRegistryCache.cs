using GzAiEdge.Contracts.Signing;

namespace GzAiEdge.Evaluation.Evidence;

/// <summary>
/// The key registry, loaded again only when its file changes: an evaluation asks for every listed device's key, and
/// importing every public key of the registry for each device cost more than reading the device's spans.
/// </summary>
public sealed class KeyRegistryCache(string path)
{
    private readonly Lock _gate = new();
    private (DateTime Written, long Length, DeviceKeyRegistry Registry)? _loaded;

    /// <summary>The full path of the registry file.</summary>
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>The registry as the file holds it now, or null when there is no file.</summary>
    /// <exception cref="InvalidDataException">The registry file is not valid.</exception>
    public DeviceKeyRegistry? Current()
    {
        var file = new FileInfo(Path);
        if (!file.Exists)
        {
            return null;
        }

        lock (_gate)
        {
            if (_loaded is not { } loaded || loaded.Written != file.LastWriteTimeUtc || loaded.Length != file.Length)
            {
                // The replaced registry is not disposed: an evaluation running now may still hold its keys; the
                // finalizers of their handles release them.
                _loaded = loaded = (file.LastWriteTimeUtc, file.Length, DeviceKeyRegistry.Load(Path));
            }

            return loaded.Registry;
        }
    }
}
