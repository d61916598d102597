using System.CommandLine;
using GzAiEdge.Cli.Operations;
using Microsoft.Extensions.Configuration;

namespace GzAiEdge.Cli.Commands;

/// <summary>
/// <c>gz backup --out DIR</c> and <c>gz restore --from DIR</c>: the cloud's stores found through its own configuration (the
/// settings file it starts with, the environment, and the same <c>Key=Value</c> overrides), InfluxDB through its meta
/// service's RPC address.
/// </summary>
internal static class BackupCommand
{
    public static IEnumerable<Command> Create()
    {
        yield return Build("backup", "Back up InfluxDB, every SQLite store, the key registry and the public keys of a cloud into a new folder, with a manifest",
            "--out", "The new (or empty) folder to write", (backup, folder, token) => backup.BackupAsync(folder, token));
        yield return Build("restore", "Restore a backup into a new cloud (fresh InfluxDB, store paths that do not exist yet); refuses a backup that does not match its manifest",
            "--from", "The backup folder", (backup, folder, token) => backup.RestoreAsync(folder, token));
    }

    private static Command Build(string name, string description, string folderOption, string folderDescription, Func<CloudBackup, string, CancellationToken, Task> run)
    {
        var folder = new Option<string>(folderOption) { Description = folderDescription, Required = true };
        var settings = new Option<string[]>("--settings") { Description = "The cloud's settings file(s) (appsettings.json, /etc/gzaiedge/cloud.json), in the order the cloud reads them" };
        var set = new Option<string[]>("--set") { Description = "A setting as the cloud is given it on its command line, Key=Value (repeatable), e.g. Alerts:StorePath=/var/lib/gzaiedge/alerts.db" };
        var meta = new Option<string>("--influx-rpc") { Description = "InfluxDB's RPC (meta) address, its bind-address", DefaultValueFactory = _ => "127.0.0.1:8088" };
        var influxd = new Option<string>("--influxd") { Description = "The influxd program", DefaultValueFactory = _ => "influxd" };
        var command = new Command(name, description) { folder, settings, set, meta, influxd };
        command.SetAction(async (result, token) =>
        {
            try
            {
                var builder = new ConfigurationBuilder();
                foreach (var file in result.GetValue(settings) ?? [])
                {
                    builder.AddJsonFile(Path.GetFullPath(file), optional: false);
                }

                var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
                foreach (var pair in result.GetValue(set) ?? [])
                {
                    var at = pair.IndexOf('=', StringComparison.Ordinal);
                    if (at <= 0)
                    {
                        throw new BackupException($"--set '{pair}' is not Key=Value");
                    }

                    overrides[pair[..at].TrimStart('-')] = pair[(at + 1)..];
                }

                // In the order the cloud reads them: its settings files, its environment (credentials.env in a unit), its command line.
                var configuration = builder.AddEnvironmentVariables().AddInMemoryCollection(overrides).Build();
                Console.WriteLine($"gz {name}:");
                await run(new CloudBackup(configuration, result.GetValue(meta)!, result.GetValue(influxd)!, Console.Out), Path.GetFullPath(result.GetValue(folder)!), token);
                Console.WriteLine($"gz {name}: done");
                return 0;
            }
            catch (Exception ex) when (ex is BackupException or FileNotFoundException or InvalidDataException or IOException)
            {
                Console.Error.WriteLine($"gz {name}: {ex.Message}");
                return 1;
            }
        });
        return command;
    }
}
