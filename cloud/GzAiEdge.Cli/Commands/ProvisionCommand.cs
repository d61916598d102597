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
        var devices = new Option<string[]>("--device") { Description = "Device id (repeat for each device); site/device for a device of another site", Required = true, AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--out") { Description = "Folder to write into (created; must not hold a site yet)", Required = true };
        var cloudUser = new Option<string>("--cloud-user") { Description = "MQTT username of the cloud", DefaultValueFactory = _ => "gz-cloud" };
        var hosts = new Option<string[]>("--broker-host") { Description = "Name or address the broker certificate is valid for (repeatable)", DefaultValueFactory = _ => ["127.0.0.1", "localhost"] };
        var clientCerts = new Option<bool>("--client-certs") { Description = "Also issue a client certificate per device (mutual TLS)" };
        var programmeKey = new Option<string?>("--programme-key") { Description = "The programme's private key that signs models: used if the file exists, created there otherwise (default: {out}/programme/programme-key.pem)" };
        site.Validators.Add(r => CheckId(r, "--site", r.GetValueOrDefault<string>()));
        devices.Validators.Add(r =>
        {
            var ids = r.GetValueOrDefault<string[]>() ?? [];
            foreach (var id in ids.SelectMany(i => i.Split('/') is [var site, var device] ? new[] { site, device } : [i]))
            {
                CheckId(r, "--device", id);
            }

            // Each device gets the folder devices/<device>: the same id at two sites would share (and overwrite) one.
            var deviceIds = ids.Select(i => i.Split('/') is [_, var device] ? device : i).ToList();
            if (deviceIds.Distinct().Count() != deviceIds.Count)
            {
                r.AddError("--device: each device may be named once, across sites too (each gets the folder devices/<device>)");
            }
        });

        var command = new Command("provision", "Create a site's device identities: broker passwords and ACL, signing keys (public ones in a registry for the cloud), the programme's model-signing key, a CA and broker certificate for TLS")
        {
            site, devices, output, cloudUser, hosts, clientCerts, programmeKey,
        };
        command.SetAction(result =>
        {
            var request = new ProvisionRequest(result.GetValue(site)!, result.GetValue(devices)!, result.GetValue(output)!,
                result.GetValue(cloudUser)!, result.GetValue(hosts)!, result.GetValue(clientCerts), result.GetValue(programmeKey));
            string programme;
            try
            {
                programme = SiteProvisioner.Run(request);
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException or InvalidDataException)
            {
                Console.Error.WriteLine($"gz provision: {ex.Message}");
                return 1;
            }

            var root = Path.GetFullPath(request.Output);
            Console.WriteLine($"provisioned {request.Devices.Count} devices of site {request.Site} in {root}");
            Console.WriteLine($"  broker:  {root}/mosquitto/passwd, {root}/mosquitto/acl, {root}/broker/broker.crt|key, CA {root}/ca.crt");
            Console.WriteLine($"  devices: {root}/devices/<device>/credentials.env and signing-key.pem (keep them on the device)");
            Console.WriteLine($"  cloud:   {root}/cloud/credentials.env, public keys in {root}/cloud/device-keys.json");
            Console.WriteLine($"  models:  programme key {programme} (keep it with the programme operator; gz model sign --key uses it), public key on every device");
            return 0;
        });
        return command;
    }

    private static void CheckId(System.CommandLine.Parsing.OptionResult result, string name, string? value)
    {
        if (Identifiers.Check(value ?? string.Empty) is { } why)
        {
            result.AddError($"{name} '{value}': {why}");
        }
    }
}
