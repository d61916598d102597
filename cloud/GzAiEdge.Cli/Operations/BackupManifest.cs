using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GzAiEdge.Cli.Operations;

/// <summary>One store in a backup: its name, where it was, and its folder or file in the backup (null: not present then).</summary>
internal sealed record BackupEntry(string Name, string Kind, string Key, string Source, string? Stored);

/// <summary>
/// <c>manifest.json</c> of a backup: the stores, the InfluxDB database, and the SHA-256 of every other file in the backup
/// folder. Restore refuses a folder whose files do not match it, one by one.
/// </summary>
internal sealed record BackupManifest(int Format, DateTimeOffset Created, string Database, IReadOnlyList<BackupEntry> Stores, SortedDictionary<string, string> Files)
{
    public const string FileName = "manifest.json";

    public static SortedDictionary<string, string> Hash(string folder)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/');
            if (relative != FileName)
            {
                using var stream = File.OpenRead(file);
                files[relative] = Convert.ToHexStringLower(SHA256.HashData(stream));
            }
        }

        return files;
    }

    public void Save(string folder) => File.WriteAllBytes(Path.Combine(folder, FileName), JsonSerializer.SerializeToUtf8Bytes(this, BackupJson.Default.BackupManifest));

    /// <summary>The manifest of <paramref name="folder"/> when every file matches it; otherwise what does not, one line each.</summary>
    public static BackupManifest Load(string folder, List<string> problems)
    {
        var path = Path.Combine(folder, FileName);
        BackupManifest? manifest = null;
        try
        {
            manifest = JsonSerializer.Deserialize(File.ReadAllBytes(path), BackupJson.Default.BackupManifest);
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            problems.Add($"{path}: {ex.Message}");
        }

        if (manifest is null)
        {
            problems.Add($"{path}: not a backup manifest");
            return null!;
        }

        var actual = Hash(folder);
        foreach (var (file, sha) in manifest.Files)
        {
            if (!actual.TryGetValue(file, out var found))
            {
                problems.Add($"{file}: listed in the manifest but missing");
            }
            else if (found != sha)
            {
                problems.Add($"{file}: sha256 {found}, the manifest says {sha}");
            }
        }

        problems.AddRange(actual.Keys.Where(f => !manifest.Files.ContainsKey(f)).Select(f => $"{f}: not in the manifest"));
        return manifest;
    }
}

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(BackupManifest))]
internal sealed partial class BackupJson : JsonSerializerContext;
