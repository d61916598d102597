using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace GzAiEdge.EdgeRuntime.Configuration;

/// <summary>A value <c>config.set</c> set: the value, and which command set it when.</summary>
public sealed record ConfigOverride(string Value, string Command, DateTimeOffset Set);

/// <summary>
/// A model <c>model.update</c> installed: what its manifest says, and the file name in <see cref="DeviceStatePaths.Models"/>.
/// <see cref="VersionNumber"/> is 0 in a pointer written before manifests carried one: any signed release is newer.
/// </summary>
public sealed record InstalledModel(string Name, string Version, string Sha256, string File, string Command, DateTimeOffset Installed, long VersionNumber = 0);

/// <summary>
/// Which installed model runs. <see cref="Previous"/> is the one before (null: the configured <c>Pipeline:Model</c>).
/// While <see cref="Trial"/> names a command, <see cref="Current"/> has not passed its first inferences yet, and a
/// start finding it so (the worker stopped during the trial) runs <see cref="Previous"/>.
/// </summary>
public sealed record ModelPointer(InstalledModel? Current, InstalledModel? Previous, string? Trial)
{
    /// <summary>The installed model a start runs; null for the configured one.</summary>
    public InstalledModel? Effective => Trial is null ? Current : Previous;
}

/// <summary>One command id the device received, kept until well after it expired.</summary>
public sealed record LedgerEntry(string Id, DateTimeOffset Received, DateTimeOffset Expires);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(Dictionary<string, ConfigOverride>))]
[JsonSerializable(typeof(ModelPointer))]
[JsonSerializable(typeof(List<LedgerEntry>))]
internal sealed partial class DeviceStateJsonContext : JsonSerializerContext;

/// <summary>Reads and writes the device's state files (<see cref="DeviceStatePaths"/>).</summary>
public static class DeviceStateFiles
{
    /// <summary>The file's content, or null when there is none.</summary>
    /// <exception cref="InvalidDataException">The file is there but not what it should be; the message names it.</exception>
    public static T? Read<T>(string path, JsonTypeInfo<T> type)
        where T : class
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(path), type)
                ?? throw new InvalidDataException($"{path}: holds null; delete it to start without it");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not a device state file ({ex.Message}); delete it to start without it", ex);
        }
    }

    /// <summary>
    /// Replaces the file so that a reader, or a start after a power cut, sees the old or the new content, never a
    /// mix: the new content goes to a temporary file, is flushed to disk, and is renamed over the old one.
    /// </summary>
    public static void WriteDurably<T>(string path, T value, JsonTypeInfo<T> type)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, value, type);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
    }

    /// <summary>The <see cref="DeviceStatePaths.Overrides"/> file's type.</summary>
    public static JsonTypeInfo<Dictionary<string, ConfigOverride>> Overrides => DeviceStateJsonContext.Default.DictionaryStringConfigOverride;

    /// <summary>The <see cref="DeviceStatePaths.Pointer"/> file's type.</summary>
    public static JsonTypeInfo<ModelPointer> Pointer => DeviceStateJsonContext.Default.ModelPointer;

    /// <summary>The <see cref="DeviceStatePaths.Ledger"/> file's type.</summary>
    public static JsonTypeInfo<List<LedgerEntry>> Ledger => DeviceStateJsonContext.Default.ListLedgerEntry;
}
