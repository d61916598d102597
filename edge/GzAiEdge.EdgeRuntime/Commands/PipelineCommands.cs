using System.Diagnostics.CodeAnalysis;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.EdgeRuntime.Configuration;
using GzAiEdge.EdgeRuntime.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace GzAiEdge.EdgeRuntime.Commands;

/// <summary>
/// <c>config.set</c> and <c>pipeline.restart</c>: build a new pipeline from (new) configuration values and put it in
/// place of the running one without restarting the process. The new pipeline is on trial (its first inferences, as a
/// new model is); the values are stored only once it passed, so a restart never starts from values that failed.
/// </summary>
public sealed class PipelineCommands(
    IConfiguration configuration,
    DeviceStateConfigurationProvider state,
    SampleSourceFactory factory,
    PipelineHost pipeline,
    IOptions<CommandOptions> options,
    CommandReporter reporter,
    TimeProvider time)
{
    public async Task<CommandResult> SetConfigAsync(DeviceCommand command, CancellationToken cancellationToken)
    {
        var values = command.Arguments ?? new Dictionary<string, string>();
        var allowed = options.Value.ConfigKeys;
        var refused = values.Keys.Where(k => !allowed.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList();
        if (refused.Count > 0)
        {
            return CommandResult.Rejected($"not allowed on this device: {string.Join(", ", refused)}; commands:configKeys allows {(allowed.Count == 0 ? "none" : string.Join(", ", allowed))}; nothing changed");
        }

        var candidate = new ConfigurationBuilder().AddConfiguration(configuration, shouldDisposeConfiguration: false).Add(new CommandValues(values, command.Id)).Build();
        if (PipelineSettings.Read(candidate, out var errors) is not { } settings)
        {
            return CommandResult.Rejected($"{string.Join("; ", errors)}; nothing changed");
        }

        var change = string.Join(", ", values.Select(v => $"{v.Key} = {v.Value}"));
        reporter.Accepted(command.Id, $"rebuilding the pipeline with {change}");
        if (!TryBuild(settings, out var next, out var buildError))
        {
            return CommandResult.Failed($"the pipeline cannot be built with {change}: {buildError}; nothing changed");
        }

        var outcome = await TryAsync(next, cancellationToken);
        if (!outcome.Passed)
        {
            return CommandResult.RolledBack($"the pipeline with {change} failed its trial ({outcome.Detail}); it runs with the previous values again");
        }

        var stored = DeviceStateFiles.Read(state.Paths.Overrides, DeviceStateFiles.Overrides) ?? [];
        var merged = new Dictionary<string, ConfigOverride>(stored, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in values)
        {
            merged[key] = new ConfigOverride(value, command.Id, time.GetUtcNow());
        }

        DeviceStateFiles.WriteDurably(state.Paths.Overrides, merged, DeviceStateFiles.Overrides);
        state.Refresh();
        return CommandResult.Succeeded($"{change} set and kept in {state.Paths.Overrides}; the pipeline runs with them ({outcome.Detail})");
    }

    public async Task<CommandResult> RestartAsync(DeviceCommand command, CancellationToken cancellationToken)
    {
        if (PipelineSettings.Read(configuration, out var errors) is not { } settings)
        {
            return CommandResult.Failed($"the configuration cannot be used: {string.Join("; ", errors)}; the pipeline runs on");
        }

        reporter.Accepted(command.Id, "rebuilding the pipeline from the configuration");
        if (!TryBuild(settings, out var next, out var buildError))
        {
            return CommandResult.Failed($"the pipeline cannot be built: {buildError}; the previous one runs on");
        }

        var outcome = await TryAsync(next, cancellationToken);
        return outcome.Passed
            ? CommandResult.Succeeded($"pipeline rebuilt ({outcome.Detail})")
            : CommandResult.Failed($"the rebuilt pipeline failed its trial ({outcome.Detail}); the previous one runs on");
    }

    /// <summary>Builds the pipeline <paramref name="settings"/> describe; false with the reason when the model or replay cannot be used.</summary>
    internal bool TryBuild(PipelineSettings settings, [NotNullWhen(true)] out ISampleSource? next, [NotNullWhen(false)] out string? error)
    {
        try
        {
            (next, error) = (factory.Create(settings.Source, settings.Pipeline, settings.Inference), null);
            return true;
        }
        catch (InvalidDataException ex)
        {
            (next, error) = (null, ex.Message);
            return false;
        }
    }

    /// <summary>Puts <paramref name="next"/> in place on trial, with the device's probe settings.</summary>
    internal Task<TrialResult> TryAsync(ISampleSource next, CancellationToken cancellationToken)
    {
        var o = options.Value;
        return pipeline.TryAsync(next, o.ProbeInferences, TimeSpan.FromSeconds(o.ProbeTimeoutSeconds), time, cancellationToken);
    }

    // A command's values on top of the live configuration; named after the command in error messages.
    private sealed class CommandValues(IReadOnlyDictionary<string, string> values, string commandId) : ConfigurationProvider, IConfigurationSource
    {
        public override void Load() => Data = values.ToDictionary(v => v.Key, v => (string?)v.Value, StringComparer.OrdinalIgnoreCase);

        public IConfigurationProvider Build(IConfigurationBuilder builder) => this;

        public override string ToString() => $"command {commandId}";
    }
}
