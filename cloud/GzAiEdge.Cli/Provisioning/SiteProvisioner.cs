using System.Text;
using GzAiEdge.Contracts.Signing;

namespace GzAiEdge.Cli.Provisioning;

/// <summary>What <c>gz provision</c> is asked to make.</summary>
/// <param name="Site">Site id.</param>
/// <param name="Devices">Device ids of the site; <c>other-site/device</c> names a device of another site (one broker, several sites).</param>
/// <param name="Output">Folder that receives everything (must not hold a provisioned site yet).</param>
/// <param name="CloudUser">MQTT username of the cloud (ingestion and dashboard).</param>
/// <param name="BrokerHosts">Names and addresses the broker certificate is valid for.</param>
/// <param name="ClientCertificates">Also issue a client certificate per device (mutual TLS).</param>
internal sealed record ProvisionRequest(string Site, IReadOnlyList<string> Devices, string Output, string CloudUser,
    IReadOnlyList<string> BrokerHosts, bool ClientCertificates);

/// <summary>
/// Makes a site's identities: broker users and ACL (each device may publish only under its own
/// <c>gz/v1/{site}/{device}/</c>; the cloud reads all), a signing key pair per device (the private key
/// stays in the device's folder, the public key goes to the cloud's registry), and a CA with the
/// broker's certificate (and optionally client certificates) for TLS.
/// </summary>
internal static class SiteProvisioner
{
    /// <summary>MQTT username of a device: site and device joined by a dot, which neither id may contain.</summary>
    public static string Username(string site, string device) => $"{site}.{device}";

    public static void Run(ProvisionRequest request)
    {
        var root = Path.GetFullPath(request.Output);
        if (File.Exists(Path.Combine(root, "mosquitto", "passwd")))
        {
            throw new InvalidOperationException($"{root} already holds a provisioned site; choose an empty folder");
        }

        foreach (var folder in new[] { "broker", "mosquitto", "cloud", "devices" })
        {
            Directory.CreateDirectory(Path.Combine(root, folder));
        }

        using var pki = Pki.CreateCa(request.Site);
        pki.WriteCa(root);
        pki.WriteServer(Path.Combine(root, "broker"), "broker", request.BrokerHosts);
        var caFile = Path.Combine(root, "ca.crt");

        var passwd = new StringBuilder();
        var acl = new StringBuilder("# Written by gz provision. Each device publishes only under its own topic prefix.\n");
        var keys = new List<DeviceKeyEntry>();
        foreach (var entry in request.Devices)
        {
            var (site, device) = entry.Split('/') is [var s, var d] ? (s, d) : (request.Site, entry);
            var folder = Path.Combine(root, "devices", device);
            Directory.CreateDirectory(folder);
            var user = Username(site, device);
            var password = MosquittoPasswords.NewPassword();
            passwd.Append(MosquittoPasswords.Line(user, password)).Append('\n');
            acl.Append($"\nuser {user}\ntopic write gz/v1/{site}/{device}/#\ntopic read gz/v1/{site}/{device}/cmd\n");

            using var signer = DeviceSigner.Create();
            var keyFile = Path.Combine(folder, "signing-key.pem");
            Pki.Secret(keyFile, signer.ExportPrivateKeyPem());
            keys.Add(new DeviceKeyEntry(site, device, signer.PublicKeyPem));
            Pki.Secret(Path.Combine(folder, "credentials.env"),
                $"Broker__Username={user}\nBroker__Password={password}\nBroker__CaFile={caFile}\nEdge__SigningKeyFile={keyFile}\n");
            if (request.ClientCertificates)
            {
                pki.WriteClient(folder, "client", user);
            }
        }

        var cloudPassword = MosquittoPasswords.NewPassword();
        passwd.Append(MosquittoPasswords.Line(request.CloudUser, cloudPassword)).Append('\n');
        acl.Append($"\n# The cloud: ingestion reads every device; commands go to devices; alerts go to gz/v1/alerts.\nuser {request.CloudUser}\ntopic read gz/v1/#\ntopic write gz/v1/+/+/cmd\ntopic write gz/v1/alerts\n");
        Pki.Secret(Path.Combine(root, "mosquitto", "passwd"), passwd.ToString());
        File.WriteAllText(Path.Combine(root, "mosquitto", "acl"), acl.ToString());

        var registry = Path.Combine(root, "cloud", "device-keys.json");
        DeviceKeyRegistry.Save(registry, new DeviceKeyRegistryFile(keys));
        Pki.Secret(Path.Combine(root, "cloud", "credentials.env"),
            $"Ingestion__Username={request.CloudUser}\nIngestion__Password={cloudPassword}\nIngestion__CaFile={caFile}\nVerification__KeyRegistryPath={registry}\n");
    }
}
