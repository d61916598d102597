using System.Text.Json;
using System.Text.Json.Serialization;
using GzAiEdge.Contracts.Topics;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Access.Tokens;

/// <summary>One device's API token, as the cloud keeps it: the device and the token's SHA-256.</summary>
public sealed record DeviceTokenEntry(string Site, string Device, string Sha256);

/// <summary>The file <c>gz provision</c> writes for the cloud (<c>cloud/device-tokens.json</c>).</summary>
public sealed record DeviceTokenFile(IReadOnlyList<DeviceTokenEntry> Devices);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(DeviceTokenFile))]
internal sealed partial class DeviceTokenJsonContext : JsonSerializerContext;

/// <summary>
/// The devices' API tokens (<see cref="AccessOptions.DeviceTokensPath"/>), read again when the file changes so that a
/// newly provisioned site needs no restart, and a device whose line was removed is refused at its next call.
/// </summary>
public sealed class DeviceTokenRegistry(IOptions<AccessOptions> options, TimeProvider time)
{
    private static readonly TimeSpan RecheckEvery = TimeSpan.FromSeconds(1);
    private readonly Lock _gate = new();
    private Dictionary<string, DeviceTokenEntry> _byHash = [];
    private DateTime _fileTime;
    private DateTimeOffset _checked = DateTimeOffset.MinValue;

    /// <summary>The device a token belongs to, or null.</summary>
    /// <exception cref="InvalidDataException">The file cannot be read as a token list.</exception>
    public DeviceTokenEntry? Find(string token)
    {
        if (options.Value.DeviceTokensPath is not { Length: > 0 } path)
        {
            return null;
        }

        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (now - _checked >= RecheckEvery)
            {
                _checked = now;
                var fileTime = File.GetLastWriteTimeUtc(path);
                if (fileTime != _fileTime)
                {
                    _byHash = Read(path).Devices.ToDictionary(d => d.Sha256, StringComparer.Ordinal);
                    _fileTime = fileTime;
                }
            }

            return _byHash.GetValueOrDefault(TokenFormat.Hash(token));
        }
    }

    /// <summary>Reads and checks a token file.</summary>
    /// <exception cref="InvalidDataException">It is not one, naming the file and what is wrong.</exception>
    public static DeviceTokenFile Read(string path)
    {
        DeviceTokenFile? file;
        try
        {
            file = JsonSerializer.Deserialize(File.ReadAllBytes(path), DeviceTokenJsonContext.Default.DeviceTokenFile);
        }
        catch (Exception ex) when (ex is JsonException or IOException)
        {
            throw new InvalidDataException($"{path}: not a device token list ({ex.Message})", ex);
        }

        if (file?.Devices is null)
        {
            throw new InvalidDataException($"{path}: not a device token list (no \"devices\")");
        }

        foreach (var (entry, i) in file.Devices.Select((e, i) => (e, i)))
        {
            if (Identifiers.Check(entry.Site ?? string.Empty) is not null || Identifiers.Check(entry.Device ?? string.Empty) is not null || entry.Sha256?.Length != 64)
            {
                throw new InvalidDataException($"{path}: devices[{i}] needs a site, a device and a 64-digit sha256");
            }
        }

        return file;
    }

    /// <summary>Writes a token file (hashes only: the tokens themselves stay with the devices).</summary>
    public static void Write(string path, DeviceTokenFile file) =>
        File.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(file, DeviceTokenJsonContext.Default.DeviceTokenFile));
}
