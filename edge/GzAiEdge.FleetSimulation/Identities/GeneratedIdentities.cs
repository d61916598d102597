using System.Security.Cryptography;
using GzAiEdge.Contracts.Signing;

namespace GzAiEdge.FleetSimulation.Identities;

/// <summary>
/// Identities for an anonymous broker: ids from the <see cref="FleetLayout"/> and a signing key per
/// device, made on first use and kept in the state folder (<c>fleet-keys.tsv</c>, private, one line per
/// device) so that a later run signs with the same keys and continues the same chains. The public keys
/// go to <c>device-keys.json</c> beside it, the registry the cloud verifies with
/// (<c>--Verification:KeyRegistryPath</c>).
/// </summary>
public static class GeneratedIdentities
{
    public const string KeysFile = "fleet-keys.tsv";
    public const string RegistryFile = "device-keys.json";

    public static List<FleetIdentity> Load(FleetLayout layout, int devices, string stateFolder)
    {
        Directory.CreateDirectory(stateFolder);
        var keysPath = Path.Combine(stateFolder, KeysFile);
        var stored = File.Exists(keysPath) ? Read(keysPath) : [];
        var identities = new List<FleetIdentity>(devices);
        var added = false;
        for (var i = 0; i < devices; i++)
        {
            var device = FleetLayout.DeviceId(i);
            var (site, scenario) = layout.Place(i);
            DeviceSigner signer;
            if (stored.TryGetValue(device, out var entry) && entry.Site == site)
            {
                signer = DeviceSigner.FromPem(entry.Pem, $"{keysPath}:{entry.Line}");
            }
            else
            {
                signer = DeviceSigner.Create();
                stored[device] = (site, signer.ExportPrivateKeyPem(), 0);
                added = true;
            }

            identities.Add(new FleetIdentity(site, device, scenario, signer));
        }

        if (added)
        {
            Write(keysPath, stored);
            SaveRegistry(Path.Combine(stateFolder, RegistryFile), keysPath, identities, stored);
        }

        return identities;
    }

    // Every key of the file, also those of devices beyond this run's count, so that the cloud still
    // verifies what a larger run before this one sent.
    private static void SaveRegistry(string path, string keysPath, List<FleetIdentity> loaded, Dictionary<string, (string Site, string Pem, int Line)> stored)
    {
        var entries = loaded.Select(d => new DeviceKeyEntry(d.Site, d.Device, d.Signer.PublicKeyPem)).ToList();
        var named = entries.Select(e => e.Device).ToHashSet(StringComparer.Ordinal);
        foreach (var (device, (site, pem, line)) in stored.Where(s => !named.Contains(s.Key)))
        {
            using var signer = DeviceSigner.FromPem(pem, $"{keysPath}:{line}");
            entries.Add(new DeviceKeyEntry(site, device, signer.PublicKeyPem));
        }

        DeviceKeyRegistry.Save(path, new DeviceKeyRegistryFile(entries));
    }

    private static Dictionary<string, (string Site, string Pem, int Line)> Read(string path)
    {
        var result = new Dictionary<string, (string, string, int)>(StringComparer.Ordinal);
        var line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            if (text.Split('\t') is not [var site, var device, var key] || key.Length == 0)
            {
                throw new InvalidDataException($"{path}:{line}: expected 'site<TAB>device<TAB>key'; delete the file to make new keys");
            }

            result[device] = (site, $"-----BEGIN PRIVATE KEY-----\n{key}\n-----END PRIVATE KEY-----", line);
        }

        return result;
    }

    // Private keys: readable by the owner only, like gz provision's signing-key.pem files.
    private static void Write(string path, Dictionary<string, (string Site, string Pem, int Line)> keys)
    {
        var temp = path + ".tmp";
        using (var file = new StreamWriter(File.Create(temp)))
        {
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            foreach (var (device, (site, pem, _)) in keys.OrderBy(k => k.Key, StringComparer.Ordinal))
            {
                var key = pem[PemEncoding.Find(pem).Base64Data].ReplaceLineEndings(string.Empty);
                file.Write($"{site}\t{device}\t{key}\n");
            }
        }

        File.Move(temp, path, overwrite: true);
    }
}
