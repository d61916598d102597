using System.Text;
using GzAiEdge.Access.Tokens;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Contracts.Topics;

namespace GzAiEdge.Cli.Provisioning;

/// <summary>What <c>gz provision</c> is asked to make.</summary>
/// <param name="Site">Site id.</param>
/// <param name="Devices">Device ids of the site; <c>other-site/device</c> names a device of another site (one broker, several sites).</param>
/// <param name="Output">Folder that receives everything (must not hold a provisioned site yet).</param>
/// <param name="CloudInstances">Cloud instances: each gets identities of its own (<c>gz-ingest-1</c>, <c>gz-live-1</c>, <c>gz-commander-1</c>, …).</param>
/// <param name="BrokerHosts">Names and addresses the broker certificate is valid for.</param>
/// <param name="ClientCertificates">Identities are client certificates (mutual TLS, the broker takes the username from them) instead of passwords.</param>
/// <param name="ProgrammeKey">The programme's private key file: used when it exists (one key for every site), created otherwise.</param>
/// <param name="CommandKey">The cloud's private command key file: used when it exists (one cloud commands every site), created otherwise.</param>
/// <param name="BrokerPort">The broker's TLS listener port.</param>
/// <param name="BrokerBind">The address the broker's listener binds to.</param>
internal sealed record ProvisionRequest(string Site, IReadOnlyList<string> Devices, string Output, int CloudInstances,
    IReadOnlyList<string> BrokerHosts, bool ClientCertificates, string? ProgrammeKey = null, string? CommandKey = null,
    int BrokerPort = 8883, string BrokerBind = "0.0.0.0");

/// <summary>
/// Makes a site's identities: broker users and ACL (each device may publish only its own kinds under
/// <c>gz/v1/{site}/{device}/</c> and read only its own <c>cmd</c> topic; the cloud has an identity per job,
/// <see cref="CloudIdentities"/>), the broker's listener config (<see cref="BrokerConfig"/>), a signing key pair per device (the private key stays in the device's folder, the public key goes to
/// the cloud's registry), the programme's key pair that signs models and the cloud's command key pair that signs
/// commands (each made once, reused for later sites; every device gets both public keys), and a CA with the broker's certificate (and optionally client certificates) for TLS.
/// </summary>
internal static class SiteProvisioner
{
    /// <summary>What a device publishes; everything else under its prefix (its cmd topic above all) it may not.</summary>
    public static readonly IReadOnlyList<MessageKind> DeviceKinds = [MessageKind.Kpi, MessageKind.Heartbeat, MessageKind.Event, MessageKind.State, MessageKind.Checkpoint];

    /// <summary>Writes everything; returns the programme's and the command key's private key files.</summary>
    public static (string ProgrammeKey, string CommandKey) Run(ProvisionRequest request)
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

        using var programme = Key(request.ProgrammeKey ?? Path.Combine(root, "programme", "programme-key.pem"), ProgrammeSigner.FromPemFile, ProgrammeSigner.Create, out var programmeKey);
        var programmePublic = Path.Combine(root, "programme", "programme-key.pub.pem");
        File.WriteAllText(programmePublic, programme.PublicKeyPem);
        using var commands = Key(request.CommandKey ?? Path.Combine(root, "cloud", "command-key.pem"), CommandSigner.FromPemFile, CommandSigner.Create, out var commandKey);

        var passwd = new StringBuilder();
        var acl = new StringBuilder("# Written by gz provision. Each device publishes only its own kinds under its own topic prefix and reads only its own commands.\n");
        var keys = new List<DeviceKeyEntry>();
        var tokens = new List<DeviceTokenEntry>();
        foreach (var entry in request.Devices)
        {
            var (site, device) = entry.Split('/') is [var s, var d] ? (s, d) : (request.Site, entry);
            var folder = Path.Combine(root, "devices", device);
            Directory.CreateDirectory(folder);
            var user = DeviceIdentity.MqttName(site, device);
            var broker = new StringBuilder($"Broker__Username={user}\nBroker__CaFile={caFile}\n");
            if (request.ClientCertificates)
            {
                pki.WriteClient(folder, "client", user);
                broker.Append($"Broker__ClientCertificateFile={Path.Combine(folder, "client.crt")}\nBroker__ClientKeyFile={Path.Combine(folder, "client.key")}\n");
            }
            else
            {
                var password = MosquittoPasswords.NewPassword();
                passwd.Append(MosquittoPasswords.Line(user, password)).Append('\n');
                broker.Append($"Broker__Password={password}\n");
            }

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
            var commandPublic = Path.Combine(folder, "command-key.pub.pem");
            File.WriteAllText(commandPublic, commands.PublicKeyPem);
            // The device's API identity: the token stays with the device, its hash goes to the cloud.
            var apiToken = TokenFormat.New(TokenFormat.DevicePrefix);
            tokens.Add(new DeviceTokenEntry(site, device, TokenFormat.Hash(apiToken)));
            Pki.Secret(Path.Combine(folder, "credentials.env"),
                $"{broker}Edge__SigningKeyFile={keyFile}\nCommands__ProgrammeKeyFile={devicePublic}\nCommands__CommandKeyFiles__0={commandPublic}\nCommands__CaFile={caFile}\n"
                + $"Commands__ApiToken={apiToken}\n");
        }

        CloudIdentities.Write(root, request.CloudInstances, pki, request.ClientCertificates, passwd, acl, commandKey);
        Pki.Secret(Path.Combine(root, "mosquitto", "passwd"), passwd.ToString());
        File.WriteAllText(Path.Combine(root, "mosquitto", "acl"), acl.ToString());
        BrokerConfig.Write(root, request.BrokerPort, request.BrokerBind, request.ClientCertificates);

        var registry = Path.Combine(root, "cloud", "device-keys.json");
        DeviceKeyRegistry.Save(registry, new DeviceKeyRegistryFile(keys));
        var deviceTokens = Path.Combine(root, "cloud", "device-tokens.json");
        DeviceTokenRegistry.Write(deviceTokens, new DeviceTokenFile(tokens));
        File.WriteAllText(Path.Combine(root, "cloud", "cloud.env"),
            $"Broker__CaFile={caFile}\nVerification__KeyRegistryPath={registry}\nModels__ProgrammeKeyFile={programmePublic}\nAccess__DeviceTokensPath={deviceTokens}\n");
        return (programmeKey, commandKey);
    }

    // A key shared by every site (the programme's, the cloud's command key) is made by the first provisioning and read by the rest.
    private static T Key<T>(string file, Func<string, T> load, Func<T> create, out string path)
        where T : P256Signer
    {
        path = Path.GetFullPath(file);
        if (File.Exists(path))
        {
            return load(path);
        }

        var created = create();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Pki.Secret(path, created.ExportPrivateKeyPem());
        return created;
    }
}
