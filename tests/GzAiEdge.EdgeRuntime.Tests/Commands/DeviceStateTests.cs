using GzAiEdge.Contracts.Messages;
using GzAiEdge.EdgeRuntime.Commands;
using GzAiEdge.EdgeRuntime.Configuration;
using GzAiEdge.EdgeRuntime.Tests.Configuration;
using GzAiEdge.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GzAiEdge.EdgeRuntime.Tests.Commands;

/// <summary>What commands leave in the state folder, and what a start makes of it.</summary>
public sealed class DeviceStateTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new("gz-device-state");
    private readonly DeviceStatePaths _paths;

    public DeviceStateTests() => _paths = new DeviceStatePaths(_folder.File("state"), "ward-05");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_model_on_trial_is_not_what_a_start_runs_until_it_is_committed()
    {
        var store = new ModelStore(_paths);
        var first = Install(store, "1", "cmd-1");

        Assert.Null(Configuration()["Pipeline:Model"]);
        store.Commit();
        var configuration = Configuration();

        Assert.Equal(store.PathOf(first), configuration["Pipeline:Model"]);
        Assert.True(File.Exists(configuration["Pipeline:Model"]), "Pipeline:Model names the installed file");
        Assert.Equal(("vitals-classifier", "1"), (configuration["Pipeline:ModelName"], configuration["Pipeline:ModelVersion"]));
        Assert.Equal(new ModelPointer(first, null, null), store.Pointer);
    }

    [Fact]
    public void A_rollback_returns_to_the_previous_model_and_deletes_the_failed_file_and_a_commit_keeps_the_previous_one()
    {
        var store = new ModelStore(_paths);
        var first = Install(store, "1", "cmd-1");
        store.Commit();
        var failed = Install(store, "2", "cmd-2");

        Assert.Equal(new ModelPointer(failed, first, "cmd-2"), store.Pointer);
        store.RollBack();

        Assert.Equal(new ModelPointer(first, null, null), store.Pointer);
        Assert.False(File.Exists(store.PathOf(failed)));
        var third = Install(store, "3", "cmd-3");
        store.Commit();
        Assert.Equal(new ModelPointer(third, first, null), store.Pointer);
        Assert.Equal(new[] { first.File, third.File, "current.json" }.Order(StringComparer.Ordinal), Directory.GetFiles(_paths.Models).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Values_set_by_a_command_win_over_the_file_and_errors_name_the_command_that_set_them()
    {
        var yaml = _folder.File("device.yaml");
        File.WriteAllText(yaml, $"edge:\n  device: ward-05\n  stateDirectory: {_paths.StateDirectory}\npipeline:\n  decisionThreshold: 0.5\n");
        DeviceStateFiles.WriteDurably(_paths.Overrides, new Dictionary<string, ConfigOverride> { ["Pipeline:DecisionThreshold"] = new("1.5", "cmd-7", Now) },
            DeviceStateFiles.Overrides);
        using var services = DeviceConfig.Build(yaml);

        var configuration = services.GetRequiredService<IConfiguration>();
        var locator = services.GetRequiredService<ConfigurationLocator>();

        Assert.Equal("1.5", configuration["Pipeline:DecisionThreshold"]);
        Assert.Equal($"{_paths.Overrides} (Pipeline:DecisionThreshold, set by command cmd-7 at 2026-11-30T08:00:00.0000000+00:00)", locator.Describe("Pipeline:DecisionThreshold"));
    }

    [Fact]
    public void A_damaged_state_file_stops_the_start_naming_it()
    {
        Directory.CreateDirectory(_paths.StateDirectory);
        File.WriteAllText(_paths.Overrides, "{\"Pipeline:X\": 1}");

        var ex = Assert.Throws<InvalidDataException>(Configuration);

        Assert.StartsWith($"{_paths.Overrides}: not a device state file", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("delete it to start without it", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_ledger_remembers_ids_across_restarts_until_a_day_after_they_expired()
    {
        var command = new DeviceCommand
        {
            V = 1,
            Id = "cmd-1",
            Site = "yuexiu-03",
            Device = "ward-05",
            Issued = Now,
            Expires = Now.AddMinutes(10),
            Type = "pipeline.restart",
        };

        Assert.Null(new CommandLedger(_paths).Record(command, Now));
        Assert.Equal(Now, new CommandLedger(_paths).Record(command, Now.AddSeconds(5)));

        var later = new CommandLedger(_paths);
        Assert.Null(later.Record(command with { Id = "cmd-2", Expires = Now.AddDays(3) }, Now.AddDays(2)));
        Assert.Null(new CommandLedger(_paths).Record(command, Now.AddDays(2)));
    }

    private InstalledModel Install(ModelStore store, string version, string command)
    {
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(version)));
        var download = store.DownloadPath(sha);
        File.WriteAllText(download, version);
        return store.Install(download, new ModelManifest
        {
            V = 1,
            Name = "vitals-classifier",
            Version = version,
            VersionNumber = 1,
            Pipeline = "vitals-classification",
            Sha256 = sha,
            Size = 1,
            Created = Now,
            Expires = Now.AddDays(1),
        }, command, Now);
    }

    private IConfigurationRoot Configuration() => new ConfigurationBuilder().Add(new DeviceStateConfigurationSource(_paths)).Build();
}
