using System.Text.Json;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Signing;

namespace GzAiEdge.FleetSimulation.Identities;

/// <summary>
/// Identities from a <c>gz provision</c> folder, for a broker with passwords, ACLs and TLS: the devices
/// in its key registry (<c>cloud/device-keys.json</c>, in file order), each with the broker user, CA and
/// signing key of its <c>devices/&lt;device&gt;/credentials.env</c>.
/// </summary>
public static class ProvisionedIdentities
{
    public static List<FleetIdentity> Load(FleetLayout layout, int devices, string folder)
    {
        var registry = Path.Combine(folder, "cloud", "device-keys.json");
        if (!File.Exists(registry))
        {
            throw new InvalidDataException($"{registry} not found: --credentials takes a folder written by gz provision");
        }

        DeviceKeyRegistryFile? file;
        try
        {
            file = JsonSerializer.Deserialize(File.ReadAllBytes(registry), GzTrustJsonContext.Default.DeviceKeyRegistryFile);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{registry}: not a key registry ({ex.Message})", ex);
        }

        var listed = file?.Devices ?? [];
        if (listed.Count < devices)
        {
            throw new InvalidDataException($"{registry} lists {listed.Count} devices, {devices} were asked for; provision more (gz provision --devices-from)");
        }

        var identities = new List<FleetIdentity>(devices);
        foreach (var entry in listed.Take(devices))
        {
            var scenario = layout.ScenarioOf(entry.Site, entry.Device)
                ?? throw new InvalidDataException($"{registry}: {entry.Site}/{entry.Device} has no scenario: no catalogue scenario lists site {entry.Site}");
            var credentials = Path.Combine(folder, "devices", entry.Device, "credentials.env");
            var values = ReadEnv(credentials);
            var keyFile = Required(values, credentials, "Edge__SigningKeyFile");
            identities.Add(new FleetIdentity(entry.Site, entry.Device, scenario, DeviceSigner.FromPemFile(keyFile))
            {
                Username = Required(values, credentials, "Broker__Username"),
                Password = Required(values, credentials, "Broker__Password"),
                CaFile = values.GetValueOrDefault("Broker__CaFile"),
            });
        }

        return identities;
    }

    private static Dictionary<string, string> ReadEnv(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{path} not found: the provision folder lists the device but has no credentials for it");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            if (text.Length == 0)
            {
                continue;
            }

            var equals = text.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new InvalidDataException($"{path}:{line}: expected KEY=value");
            }

            values[text[..equals]] = text[(equals + 1)..];
        }

        return values;
    }

    private static string Required(Dictionary<string, string> values, string path, string key) =>
        values.TryGetValue(key, out var value) && value.Length > 0 ? value : throw new InvalidDataException($"{path}: {key} is missing");
}
