using System.Diagnostics;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.TimeSeries;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace GzAiEdge.Cli.Operations;

/// <summary>
/// Backs up and restores a cloud: InfluxDB's portable backup (<c>influxd backup -portable</c> through the meta service's
/// RPC address), every store of <see cref="CloudStores"/> (SQLite through <c>VACUUM INTO</c>, a consistent copy while the
/// cloud writes), the key registry and the public keys; the manifest holds the SHA-256 of every file.
/// </summary>
internal sealed class CloudBackup(IConfiguration configuration, string influxHost, string influxd, TextWriter output)
{
    private string Database => configuration[$"{InfluxDbOptions.Section}:{nameof(InfluxDbOptions.Database)}"] ?? new InfluxDbOptions().Database;

    public async Task BackupAsync(string folder, CancellationToken cancellationToken)
    {
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            throw new BackupException($"--out '{folder}' is not empty: a backup goes into a new folder");
        }

        Directory.CreateDirectory(folder);
        await RunAsync(["backup", "-portable", "-database", Database, "-host", influxHost, Path.Combine(folder, "influxdb")], cancellationToken);
        var entries = new List<BackupEntry>();
        foreach (var store in CloudStores.All)
        {
            var source = store.PathIn(configuration);
            var stored = $"{store.Kind.ToString().ToLowerInvariant()}/{store.Name}";
            var target = Path.Combine(folder, stored);
            var present = store.Kind == StoreKind.Folder ? Directory.Exists(source) : File.Exists(source);
            if (source is null || !present)
            {
                entries.Add(new BackupEntry(store.Name, store.Kind.ToString(), store.Key, source ?? "(not configured)", null));
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            switch (store.Kind)
            {
                case StoreKind.Sqlite:
                    await VacuumIntoAsync(source, target, cancellationToken);
                    break;
                case StoreKind.Folder:
                    CopyFolder(source, target);
                    break;
                default:
                    File.Copy(source, target);
                    break;
            }

            entries.Add(new BackupEntry(store.Name, store.Kind.ToString(), store.Key, source, stored));
            output.WriteLine($"  {store.Name}: {source}");
        }

        if (configuration[CloudStores.CommandKey] is { Length: > 0 } commandKey && File.Exists(commandKey))
        {
            using var signer = CommandSigner.FromPemFile(commandKey);
            Directory.CreateDirectory(Path.Combine(folder, "file"));
            await File.WriteAllTextAsync(Path.Combine(folder, "file", "command-public-key"), signer.PublicKeyPem, cancellationToken);
            entries.Add(new BackupEntry("command-public-key", nameof(StoreKind.File), CloudStores.CommandKey, Path.GetFullPath(commandKey) + " (public half)", "file/command-public-key"));
        }

        new BackupManifest(1, DateTimeOffset.UtcNow, Database, entries, BackupManifest.Hash(folder)).Save(folder);
    }

    public async Task RestoreAsync(string folder, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var manifest = BackupManifest.Load(folder, problems);
        if (problems.Count > 0)
        {
            throw new BackupException($"the backup in '{folder}' does not match its manifest; nothing was restored:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        }

        var targets = new List<(CloudStore Store, string Stored, string Target)>();
        foreach (var entry in manifest.Stores.Where(e => e.Stored is not null))
        {
            var store = CloudStores.All.FirstOrDefault(s => s.Name == entry.Name);
            if (store is null)
            {
                output.WriteLine($"  {entry.Name}: kept in the backup, not restored (this cloud has no such store; the public half of the command key is for reference)");
                continue;
            }

            var target = store.PathIn(configuration) ?? throw new BackupException($"{store.Key} is not configured: the backup holds '{entry.Name}' and it has nowhere to go");
            if (File.Exists(target) || (store.Kind == StoreKind.Folder && Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any()))
            {
                throw new BackupException($"{target} ({store.Key}) exists: restore goes into a new cloud; move it away first");
            }

            targets.Add((store, Path.Combine(folder, entry.Stored!), target));
        }

        await RunAsync(["restore", "-portable", "-db", manifest.Database, "-host", influxHost, Path.Combine(folder, "influxdb")], cancellationToken);
        foreach (var (store, stored, target) in targets)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (store.Kind == StoreKind.Folder)
            {
                CopyFolder(stored, target);
            }
            else
            {
                File.Copy(stored, target);
            }

            output.WriteLine($"  {store.Name}: {target}");
        }
    }

    private static async Task VacuumIntoAsync(string source, string target, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadOnly, DefaultTimeout = 30, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "VACUUM INTO $target";
        command.Parameters.AddWithValue("$target", target);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void CopyFolder(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
    }

    private async Task RunAsync(string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(influxd) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process? started;
        try
        {
            started = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new BackupException($"cannot run '{influxd}' ({ex.Message}): install Debian's influxdb or pass --influxd PATH");
        }

        using var process = started ?? throw new BackupException($"cannot start {influxd}");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new BackupException($"influxd {arguments[0]} failed (exit {process.ExitCode}; meta/RPC address {influxHost}): {(await stderr).Trim()} {(await stdout).Trim()}");
        }

        output.WriteLine($"  influxdb: {arguments[0]} -portable of '{Database}' via {influxHost}");
    }
}

/// <summary>Why a backup or restore cannot go on, in words for the operator.</summary>
internal sealed class BackupException(string message) : Exception(message);
