using GzAiEdge.Contracts.Commands;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Contracts.Validation;
using GzAiEdge.EdgeRuntime.Configuration;
using GzAiEdge.EdgeRuntime.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace GzAiEdge.EdgeRuntime.Commands;

/// <summary>
/// <c>model.update</c>: fetch the manifest, check that the programme signed it for this device's pipeline, that it has
/// not expired and is newer than the running model (or a signed downgrade), download the file (SHA-256 and size as signed), install it and point at it on trial, load it, and run it on trial beside the old model until its first
/// N inferences passed; then it is kept (also across restarts) and the previous file stays for a later rollback. A
/// model that fails to load or fails an inference is rolled back, and the old model, which never stopped, runs on.
/// </summary>
public sealed class ModelUpdateCommand(
    IConfiguration configuration,
    DeviceStateConfigurationProvider state,
    ModelStore store,
    ModelDownloader downloader,
    PipelineCommands pipelines,
    PipelineHost pipeline,
    IOptions<CommandOptions> options,
    IOptions<PipelineOptions> pipelineOptions,
    CommandReporter reporter,
    TimeProvider time) : IDisposable
{
    private readonly Lazy<SignatureCheck> _programmeKey = new(() =>
        SignatureCheck.FromPem(File.ReadAllText(options.Value.ProgrammeKeyFile!), options.Value.ProgrammeKeyFile!));

    public async Task<CommandResult> RunAsync(DeviceCommand command, CancellationToken cancellationToken)
    {
        var (name, version) = (command.Arguments![CommandTypes.NameArgument], command.Arguments[CommandTypes.VersionArgument]);
        if (pipeline.Current.Model is not { } running)
        {
            return CommandResult.Rejected("this device runs no model (its source is a simulation), so it has none to update");
        }

        ModelManifest manifest;
        try
        {
            manifest = await downloader.FetchManifestAsync(name, version, cancellationToken);
        }
        catch (ModelDownloadException ex)
        {
            return CommandResult.Failed($"cannot fetch the manifest of {name} {version}: {ex.Message}; {Describe(running)} runs on");
        }

        if (Refuse(manifest, name, version) is { } why)
        {
            return CommandResult.Rejected($"the manifest of {name} {version} {why}; nothing changed");
        }

        if (new ModelInfo(manifest.Name, manifest.Version, manifest.Sha256) == running)
        {
            return CommandResult.Succeeded($"{name} {version} ({manifest.Sha256[..12]}) is the model running already");
        }

        reporter.Accepted(command.Id, $"installing {name} {version} ({manifest.Sha256[..12]}, {manifest.Size} bytes) in place of {Describe(running)}");
        var download = store.DownloadPath(manifest.Sha256);
        try
        {
            await downloader.DownloadAsync(manifest, download, cancellationToken);
        }
        catch (ModelDownloadException ex)
        {
            return CommandResult.Failed($"{ex.Message}; nothing installed, {Describe(running)} runs on");
        }

        return await InstallAsync(command, manifest, download, running, cancellationToken);
    }

    /// <summary>A start that finds a model still on trial (the worker stopped during it) rolls it back; the start already runs the previous one.</summary>
    public void FinishInterruptedTrial()
    {
        var pointer = store.Pointer;
        if (pointer.Trial is not { } commandId)
        {
            return;
        }

        store.RollBack();
        state.Refresh();
        reporter.Report(commandId, CommandResult.RolledBack(
            $"the worker stopped before {pointer.Current?.Name} {pointer.Current?.Version} passed its first {options.Value.ProbeInferences} inferences; "
            + $"{(pointer.Previous is { } previous ? $"{previous.Name} {previous.Version}" : "the configured model")} runs again"));
    }

    public void Dispose()
    {
        if (_programmeKey.IsValueCreated)
        {
            _programmeKey.Value.Dispose();
        }
    }

    private async Task<CommandResult> InstallAsync(DeviceCommand command, ModelManifest manifest, string download, ModelInfo running, CancellationToken cancellationToken)
    {
        var installed = store.Install(download, manifest, command.Id, time.GetUtcNow());
        var what = $"{manifest.Name} {manifest.Version}";
        if (PipelineSettings.Read(configuration, out var errors) is not { } settings)
        {
            store.RollBack();
            return CommandResult.RolledBack($"the configuration cannot be used: {string.Join("; ", errors)}; {Describe(running)} runs on");
        }

        settings = settings with { Pipeline = settings.Pipeline with { Model = store.PathOf(installed), ModelName = manifest.Name, ModelVersion = manifest.Version } };
        if (!pipelines.TryBuild(settings, out var next, out var error))
        {
            store.RollBack();
            return CommandResult.RolledBack($"{what} failed to load: {error}; {Describe(running)} runs again");
        }

        var trial = await pipelines.TryAsync(next, cancellationToken);
        if (!trial.Passed)
        {
            store.RollBack();
            return CommandResult.RolledBack($"{what} failed its trial: {trial.Detail}; {Describe(running)} runs again");
        }

        store.Commit();
        state.Refresh();
        return CommandResult.Succeeded($"{what} ({manifest.Sha256[..12]}) runs: {trial.Detail}; reports carry it from now on, {Describe(running)} is kept for a rollback");
    }

    private string? Refuse(ModelManifest manifest, string name, string version)
    {
        if (manifest.Name != name || manifest.Version != version)
        {
            return $"names {manifest.Name} {manifest.Version}";
        }

        var errors = ModelManifestValidator.Verify(manifest, _programmeKey.Value);
        if (errors.Count > 0)
        {
            return $"is not the programme's: {ContractError.Join(errors)}";
        }

        if (ModelManifestValidator.RefuseInstall(manifest, pipelineOptions.Value.Kind, store.RunningVersionNumber, time.GetUtcNow()) is { } refused)
        {
            return refused;
        }

        return manifest.Size > options.Value.MaxModelBytes
            ? $"says {manifest.Size} bytes, more than this device takes (commands:maxModelBytes {options.Value.MaxModelBytes})"
            : null;
    }

    private static string Describe(ModelInfo model) => $"{model.Name} {model.Version} ({model.Sha256[..12]})";
}
