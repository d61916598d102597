using GzAiEdge.Contracts.Signing;
using GzAiEdge.Contracts.Verification;
using GzAiEdge.TimeSeries;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Evaluation.Verification;

/// <summary>Where the cloud finds the devices' public keys (config section <c>Verification</c>).</summary>
// Setters, not init: the configuration binding source generator silently skips init-only properties.
public sealed record VerificationOptions
{
    public const string Section = "Verification";

    /// <summary>The key registry file <c>gz provision</c> writes (public keys only).</summary>
    public string KeyRegistryPath { get; set; } = "device-keys.json";
}

/// <summary>
/// Verifies a device's chain over a period from what InfluxDB holds: used by the API, the CLI and
/// evaluation. The registry is read on each call, so newly provisioned devices need no restart.
/// </summary>
public sealed class ChainVerificationService(ChainReader reader, IOptions<VerificationOptions> options)
{
    /// <exception cref="KeyNotFoundException">The registry lists no key for the device.</exception>
    /// <exception cref="InvalidDataException">The registry file is not valid.</exception>
    /// <exception cref="FileNotFoundException">There is no registry file.</exception>
    public async Task<ChainVerification> VerifyAsync(string site, string device, DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(options.Value.KeyRegistryPath);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"key registry '{path}' not found (Verification:KeyRegistryPath); create it with gz provision", path);
        }

        using var registry = DeviceKeyRegistry.Load(path);
        var key = registry.Find(site, device)
            ?? throw new KeyNotFoundException($"the key registry '{path}' lists no public key for {site}/{device}");
        return (await reader.VerifyAsync(site, device, from, to, key, cancellationToken)).Result;
    }
}
