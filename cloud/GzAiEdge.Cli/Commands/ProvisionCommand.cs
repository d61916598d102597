using System.CommandLine;
using GzAiEdge.Cli.Provisioning;
using GzAiEdge.Contracts.Topics;

namespace GzAiEdge.Cli.Commands;

/// <summary><c>gz provision</c>: a site's device identities, broker users and ACL, signing keys and TLS certificates.</summary>
internal static class ProvisionCommand
{
    public static Command Create()
    {
        var site = new Option<string>("--site") { Description = "Site id", Required = true };
        var devices = new Option<string[]>("--device") { Description = "Device id (repeat for each device); site/device for a device of another site", AllowMultipleArgumentsPerToken = true };
        var devicesFrom = new Option<string?>("--devices-from") { Description = "A file of device ids, one per line (device or site/device; # starts a comment): for fleets, e.g. the output of gz fleet --list" };
        var output = new Option<string>("--out") { Description = "Folder to write into (created; must not hold a site yet)", Required = true };
        var cloudInstances = new Option<int>("--cloud-instances") { Description = "Cloud instances: each gets an MQTT identity of its own per job (gz-ingest-N, gz-live-N, gz-commander-N)", DefaultValueFactory = _ => 1 };
        var brokerPort = new Option<int>("--broker-port") { Description = "The broker's TLS listener port (in mosquitto/gz-secure.conf)", DefaultValueFactory = _ => 8883 };
        var brokerBind = new Option<string>("--broker-bind") { Description = "The address the broker's listener binds to", DefaultValueFactory = _ => "0.0.0.0" };
        var hosts = new Option<string[]>("--broker-host") { Description = "Name or address the broker certificate is valid for (repeatable)", DefaultValueFactory = _ => ["127.0.0.1", "localhost"] };
        var clientCerts = new Option<bool>("--client-certs") { Description = "Identities are client certificates, not passwords: one per device and cloud identity, and a broker that requires them and takes the username from them (mutual TLS)" };
        var programmeKey = new Option<string?>("--programme-key") { Description = "The programme's private key that signs models: used if the file exists, created there otherwise (default: {out}/programme/programme-key.pem)" };
        var commandKey = new Option<string?>("--command-key") { Description = "The cloud's private key that signs commands: used if the file exists, created there otherwise (default: {out}/cloud/command-key.pem)" };
        site.Validators.Add(r => CheckId(r, "--site", r.GetValueOrDefault<string>()));
        cloudInstances.Validators.Add(r => Range(r, "--cloud-instances", r.GetValueOrDefault<int>(), 1, 100));
        brokerPort.Validators.Add(r => Range(r, "--broker-port", r.GetValueOrDefault<int>(), 1, 65535));
        devices.Validators.Add(r =>
        {
            foreach (var id in (r.GetValueOrDefault<string[]>() ?? []).SelectMany(Ids))
            {
                CheckId(r, "--device", id);
            }
        });

        var command = new Command("provision", "Create a site's device identities: broker passwords and ACL, signing keys (public ones in a registry for the cloud), the programme's model-signing key, the cloud's command-signing key, a CA and broker certificate for TLS")
        {
            site, devices, devicesFrom, output, cloudInstances, hosts, brokerPort, brokerBind, clientCerts, programmeKey, commandKey,
        };
        command.Validators.Add(r =>
        {
            if (r.GetResult(devices)?.Errors.Any() == true)
            {
                return;
            }

            var (listed, errors) = DeviceList.Collect(r.GetValue(devices) ?? [], r.GetValue(devicesFrom));
            foreach (var error in errors)
            {
                r.AddError(error);
            }

            if (errors.Count == 0 && listed.Count == 0)
            {
                r.AddError("name the devices with --device or --devices-from");
            }
        });
        command.SetAction(result =>
        {
            var (listed, _) = DeviceList.Collect(result.GetValue(devices) ?? [], result.GetValue(devicesFrom));
            var request = new ProvisionRequest(result.GetValue(site)!, listed, result.GetValue(output)!,
                result.GetValue(cloudInstances), result.GetValue(hosts)!, result.GetValue(clientCerts), result.GetValue(programmeKey),
                result.GetValue(commandKey), result.GetValue(brokerPort), result.GetValue(brokerBind)!);
            (string Programme, string Command) keys;
            try
            {
                keys = SiteProvisioner.Run(request);
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException or InvalidDataException)
            {
                Console.Error.WriteLine($"gz provision: {ex.Message}");
                return 1;
            }

            var root = Path.GetFullPath(request.Output);
            Console.WriteLine($"provisioned {request.Devices.Count} devices of site {request.Site} in {root}");
            Console.WriteLine($"  broker:  {root}/mosquitto/gz-secure.conf (listener {request.BrokerBind}:{request.BrokerPort}, TLS, "
                + $"{(request.ClientCertificates ? "client certificates required" : "passwords")}; include it with gz-limits.conf), acl, passwd, CA {root}/ca.crt");
            Console.WriteLine($"  devices: {root}/devices/<device>/credentials.env (broker identity, API token) and signing-key.pem (keep them on the device)");
            Console.WriteLine($"  cloud:   {root}/cloud/cloud.env for every instance, and one identity per job and instance (1..{request.CloudInstances}): "
                + "ingest-N.env (ingestion), live-N.env (live feed and alerts), commander-N.env (device commands); give an instance only the jobs it runs; "
                + $"public keys in {root}/cloud/device-keys.json, device API tokens (hashed) in {root}/cloud/device-tokens.json");
            Console.WriteLine($"  models:  programme key {keys.Programme} (keep it with the programme operator; gz model sign --key uses it), public key on every device");
            Console.WriteLine($"  commands: command key {keys.Command} (each commander-N.env names it as Commands__SigningKeyFile), public key on every device");
            return 0;
        });
        return command;
    }

    private static IEnumerable<string> Ids(string entry) => entry.Split('/') is [var site, var device] ? [site, device] : [entry];

    private static void Range(System.CommandLine.Parsing.OptionResult result, string name, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            result.AddError($"{name} {value}: must be between {min} and {max}");
        }
    }

    private static void CheckId(System.CommandLine.Parsing.OptionResult result, string name, string? value)
    {
        if (Identifiers.Check(value ?? string.Empty) is { } why)
        {
            result.AddError($"{name} '{value}': {why}");
        }
    }
}
