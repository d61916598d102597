using System.Text;
using GzAiEdge.Access.Tokens;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Contracts.Topics;

namespace GzAiEdge.Cli.Provisioning;

/// <summary>What <c>gz provision</c> is asked to make.</summary>
/// <param name="Site">Site id.</param>
/// <param name="Devices">Device ids of the site; <c>other-site/device</c> names a device of another site (one broker, several sites).</param>
/// <param name="Output">Folder that receives everything (must not hold a provisioned site yet).</param>
/// <param name="CloudUser">MQTT username of the cloud (ingestion and dashboard).</param>
/// <param name="BrokerHosts">Names and addresses the broker certificate is valid for.</param>
/// <param name="ClientCertificates">Also issue a client certificate per device (mutual TLS).</param>
/// <param name="ProgrammeKey">The programme's private key file: used when it exists (one key for every site), created otherwise.</param>
internal sealed record ProvisionRequest(string Site, IReadOnlyList<string> Devices, string Output, string CloudUser,
    IReadOnlyList<string> BrokerHosts, bool ClientCertificates, string? ProgrammeKey = null);

/// <summary>
/// Makes a site's identities: broker users and ACL (each device may publish only its own kinds under
/// <c>gz/v1/{site}/{device}/</c> and read only its own <c>cmd</c> topic; only the cloud may publish commands, and it
/// reads all), a signing key pair per device (the private key stays in the device's folder, the public key goes to
/// the cloud's registry), the programme's key pair that signs models (made once, reused for later sites; every
/// device gets the public key), and a CA with the broker's certificate (and optionally client certificates) for TLS.
/// </summary>
internal static class SiteProvisioner
{
    /// <summary>MQTT username of a device: site and device joined by a dot, which neither id may contain.</summary>
    public static string Username(string site, string device) => $"{site}.{device}";

    /// <summary>What a device publishes; everything else under its prefix (its cmd topic above all) it may not.</summary>
    public static readonly IReadOnlyList<MessageKind> DeviceKinds = [MessageKind.Kpi, MessageKind.Heartbeat, MessageKind.Event, MessageKind.State, MessageKind.Checkpoint];

    /// <summary>Writes everything; returns the programme's private key file.</summary>
    public static string Run(ProvisionRequest request)
    {
        var root = Path.GetFullPath(request.Output);
        if (File.Exists(Path.Combine(root, "mosquitto", "passwd")))
        {
            throw new InvalidOperationException($"{root} already holds a provisioned site; choose an empty folder");
        }

        foreach (var folder in new[] { "broker", "mosquitto", "cloud", "devices", "programme" })
        {
            Directory.CreateDirectory(Path.Combine(root, folder));
        }

        using var pki = Pki.CreateCa(request.Site);
        pki.WriteCa(root);
        pki.WriteServer(Path.Combine(root, "broker"), "broker", request.BrokerHosts);
        var caFile = Path.Combine(root, "ca.crt");

        using var programme = ProgrammeKey(request, root, out var programmeKey);
        var programmePublic = Path.Combine(root, "programme", "programme-key.pub.pem");
        File.WriteAllText(programmePublic, programme.PublicKeyPem);

        var passwd = new StringBuilder();
        var acl = new StringBuilder("# Written by gz provision. Each device publishes only its own kinds under its own topic prefix and reads only its own commands.\n");
        var keys = new List<DeviceKeyEntry>();
        var tokens = new List<DeviceTokenEntry>();
        foreach (var entry in request.Devices)
        {
            var (site, device) = entry.Split('/') is [var s, var d] ? (s, d) : (request.Site, entry);
            var folder = Path.Combine(root, "devices", device);
            Directory.CreateDirectory(folder);
            var user = Username(site, device);
            var password = MosquittoPasswords.NewPassword();
            passwd.Append(MosquittoPasswords.Line(user, password)).Append('\n');
            acl.Append($"\nuser {user}\n");
            foreach (var kind in DeviceKinds)
            {
                acl.Append($"topic write gz/v1/{site}/{device}/{GzTopic.KindSegment(kind)}\n");
            }

            acl.Append($"topic read gz/v1/{site}/{device}/cmd\n");

            using var signer = DeviceSigner.Create();
            var keyFile = Path.Combine(folder, "signing-key.pem");
            Pki.Secret(keyFile, signer.ExportPrivateKeyPem());
            keys.Add(new DeviceKeyEntry(site, device, signer.PublicKeyPem));
            var devicePublic = Path.Combine(folder, "programme-key.pub.pem");
            File.WriteAllText(devicePublic, programme.PublicKeyPem);
            // The device's API identity: the token stays with the device, its hash goes to the cloud.
            var apiToken = TokenFormat.New(TokenFormat.DevicePrefix);
            tokens.Add(new DeviceTokenEntry(site, device, TokenFormat.Hash(apiToken)));
            Pki.Secret(Path.Combine(folder, "credentials.env"),
                $"Broker__Username={user}\nBroker__Password={password}\nBroker__CaFile={caFile}\nEdge__SigningKeyFile={keyFile}\n"
                + $"Commands__ProgrammeKeyFile={devicePublic}\nCommands__CaFile={caFile}\nCommands__ApiToken={apiToken}\n");
            if (request.ClientCertificates)
            {
                pki.WriteClient(folder, "client", user);
            }
        }

        var cloudPassword = MosquittoPasswords.NewPassword();
        passwd.Append(MosquittoPasswords.Line(request.CloudUser, cloudPassword)).Append('\n');
        acl.Append($"\n# The cloud: ingestion reads every device; only it sends commands to devices; alerts go to gz/v1/alerts.\nuser {request.CloudUser}\ntopic read gz/v1/#\ntopic write gz/v1/+/+/cmd\ntopic write gz/v1/alerts\n");
        Pki.Secret(Path.Combine(root, "mosquitto", "passwd"), passwd.ToString());
        File.WriteAllText(Path.Combine(root, "mosquitto", "acl"), acl.ToString());

        var registry = Path.Combine(root, "cloud", "device-keys.json");
        DeviceKeyRegistry.Save(registry, new DeviceKeyRegistryFile(keys));
        var deviceTokens = Path.Combine(root, "cloud", "device-tokens.json");
        DeviceTokenRegistry.Write(deviceTokens, new DeviceTokenFile(tokens));
        Pki.Secret(Path.Combine(root, "cloud", "credentials.env"),
            $"Ingestion__Username={request.CloudUser}\nIngestion__Password={cloudPassword}\nIngestion__CaFile={caFile}\nVerification__KeyRegistryPath={registry}\n"
            + $"Models__ProgrammeKeyFile={programmePublic}\nAccess__DeviceTokensPath={deviceTokens}\n");
        return programmeKey;
    }

    private static ProgrammeSigner ProgrammeKey(ProvisionRequest request, string root, out string path)
    {
        path = Path.GetFullPath(request.ProgrammeKey ?? Path.Combine(root, "programme", "programme-key.pem"));
        if (File.Exists(path))
        {
            return ProgrammeSigner.FromPemFile(path);
        }

        var created = ProgrammeSigner.Create();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Pki.Secret(path, created.ExportPrivateKeyPem());
        return created;
    }
}
