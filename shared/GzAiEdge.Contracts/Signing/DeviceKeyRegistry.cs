using System.Text.Json;
using GzAiEdge.Contracts.Json;

namespace GzAiEdge.Contracts.Signing;

/// <summary>One device's public signing key, as the cloud's key registry file lists it.</summary>
/// <param name="Site">Site id.</param>
/// <param name="Device">Device id.</param>
/// <param name="PublicKey">PEM SubjectPublicKeyInfo of the device's ECDSA P-256 key.</param>
public sealed record DeviceKeyEntry(string Site, string Device, string PublicKey);

/// <summary>The key registry file: every device's public key (written by <c>gz provision</c>).</summary>
/// <param name="Devices">One entry per device.</param>
public sealed record DeviceKeyRegistryFile(IReadOnlyList<DeviceKeyEntry> Devices);

/// <summary>
/// The public keys a verifier checks signatures with, by site and device. Holds no secret: a
/// third party can verify a device's chain with this file alone.
/// </summary>
public sealed class DeviceKeyRegistry : IDisposable
{
    private readonly Dictionary<(string Site, string Device), SignatureCheck> _keys;

    private DeviceKeyRegistry(Dictionary<(string, string), SignatureCheck> keys) => _keys = keys;

    /// <summary>Loads a registry file; throws <see cref="InvalidDataException"/> naming the file and the entry at fault.</summary>
    public static DeviceKeyRegistry Load(string path)
    {
        DeviceKeyRegistryFile? file;
        try
        {
            file = JsonSerializer.Deserialize(File.ReadAllBytes(path), GzTrustJsonContext.Default.DeviceKeyRegistryFile);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not a key registry ({ex.Message})", ex);
        }

        var keys = new Dictionary<(string, string), SignatureCheck>();
        foreach (var (entry, index) in (file?.Devices ?? []).Select((e, i) => (e, i)))
        {
            var where = $"{path}: devices[{index}] ({entry.Site}/{entry.Device})";
            if (!keys.TryAdd((entry.Site, entry.Device), SignatureCheck.FromPem(entry.PublicKey, where)))
            {
                throw new InvalidDataException($"{where}: listed twice");
            }
        }

        return new DeviceKeyRegistry(keys);
    }

    /// <summary>Writes a registry file (atomically: a reader never sees half a file).</summary>
    public static void Save(string path, DeviceKeyRegistryFile file)
    {
        var temp = path + ".tmp";
        File.WriteAllBytes(temp, JsonSerializer.SerializeToUtf8Bytes(file, GzTrustJsonContext.Default.DeviceKeyRegistryFile));
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Every device the registry lists, with its key.</summary>
    public IEnumerable<(string Site, string Device, SignatureCheck Key)> All => _keys.Select(k => (k.Key.Site, k.Key.Device, k.Value));

    /// <summary>The device's public key, or null when the registry does not list it.</summary>
    public SignatureCheck? Find(string site, string device) => _keys.GetValueOrDefault((site, device));

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }
    }
}
