using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace GzAiEdge.EdgeRuntime.Configuration;

/// <summary>
/// What commands changed, as configuration keys on top of every other source: the values <c>config.set</c> set
/// (<see cref="DeviceStatePaths.Overrides"/>), and the model <c>model.update</c> installed as <c>Pipeline:Model</c>,
/// <c>ModelName</c> and <c>ModelVersion</c> (<see cref="DeviceStatePaths.Pointer"/>). They are the latest decision,
/// so they win over the file, the environment and the command line; a start uses them, and the validators check
/// them like any other value. Delete the files to go back to the config file alone.
/// </summary>
public sealed class DeviceStateConfigurationProvider(DeviceStatePaths paths) : ConfigurationProvider
{
    private readonly Dictionary<string, string> _origins = new(StringComparer.OrdinalIgnoreCase);

    public DeviceStatePaths Paths { get; } = paths;

    public override void Load()
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        _origins.Clear();
        foreach (var (key, value) in DeviceStateFiles.Read(Paths.Overrides, DeviceStateFiles.Overrides) ?? [])
        {
            data[key] = value.Value;
            _origins[key] = $"{Paths.Overrides} ({key}, set by command {value.Command} at {value.Set.ToString("O", CultureInfo.InvariantCulture)})";
        }

        if (DeviceStateFiles.Read(Paths.Pointer, DeviceStateFiles.Pointer)?.Effective is { } model)
        {
            foreach (var (key, value) in new[] { ("Pipeline:Model", Paths.ModelFile(model)), ("Pipeline:ModelName", model.Name), ("Pipeline:ModelVersion", model.Version) })
            {
                data[key] = value;
                _origins[key] = $"{Paths.Pointer} ({key}: model {model.Name} {model.Version} installed by command {model.Command})";
            }
        }

        Data = data;
    }

    /// <summary>Reads the state files again and tells the configuration's listeners.</summary>
    public void Refresh()
    {
        Load();
        OnReload();
    }

    /// <summary>Which file and command set <paramref name="key"/>, for error messages.</summary>
    public string Describe(string key) => _origins.GetValueOrDefault(key) ?? key;
}

/// <summary>Adds a <see cref="DeviceStateConfigurationProvider"/>.</summary>
public sealed class DeviceStateConfigurationSource(DeviceStatePaths paths) : IConfigurationSource
{
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new DeviceStateConfigurationProvider(paths);
}
