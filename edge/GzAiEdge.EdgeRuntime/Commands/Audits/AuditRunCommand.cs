using GzAiEdge.Contracts.Audits;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Contracts.Validation;
using GzAiEdge.EdgeRuntime.Configuration;
using GzAiEdge.EdgeRuntime.Pipeline;
using GzAiEdge.EdgeRuntime.Pipeline.Inference;
using Microsoft.Extensions.Options;

namespace GzAiEdge.EdgeRuntime.Commands.Audits;

/// <summary>
/// <c>audit.run</c>: check that the programme signed the manifest, that it is for this device and its pipeline and that
/// the deadline has not passed; download the inputs (streamed, hashed, capped at <see cref="CommandOptions.MaxAuditBytes"/>);
/// run every item through the running pipeline in the seed's order (<see cref="AuditRunner"/>) while the field windows
/// go on; sign the raw outputs with the device key and post them to the cloud before the deadline
/// (<see cref="AuditUpload"/>). The labels never come here: the cloud scores the answer.
/// </summary>
public sealed class AuditRunCommand(
    IOptions<EdgeOptions> edge,
    IOptions<CommandOptions> options,
    DeviceStatePaths paths,
    ModelDownloader downloader,
    AuditRunner runner,
    AuditUpload upload,
    PipelineHost pipeline,
    CommandReporter reporter,
    TimeProvider time) : IDisposable
{
    private readonly Lazy<SignatureCheck> _programmeKey = new(() =>
        SignatureCheck.FromPem(File.ReadAllText(options.Value.ProgrammeKeyFile!), options.Value.ProgrammeKeyFile!));

    private readonly Lazy<DeviceSigner?> _signer = new(() =>
        edge.Value.SigningKeyFile is { Length: > 0 } key ? DeviceSigner.FromPemFile(key) : null);

    public async Task<CommandResult> RunAsync(DeviceCommand command, CancellationToken cancellationToken)
    {
        if (Refuse(command, out var manifest, out var auditable) is { } why)
        {
            return CommandResult.Rejected(why);
        }

        var model = ((ModelPipeline)auditable!).Model!;
        reporter.Accepted(command.Id,
            $"running audit {manifest!.Audit}: {manifest.Items} items of {manifest.TestSet} {manifest.Version} through {model.Name} {model.Version} ({model.Sha256[..12]}), deadline {manifest.Deadline:O}");
        Directory.CreateDirectory(paths.Audits);
        var file = Path.Combine(paths.Audits, $"{manifest.Audit}.inputs");
        try
        {
            var left = manifest.Deadline - time.GetUtcNow();
            await downloader.DownloadAsync(manifest.Url, manifest.Sha256, manifest.Size, file, left > TimeSpan.Zero ? left : TimeSpan.FromSeconds(1), cancellationToken);
            var (kind, items) = Read(file);
            if (kind != manifest.Pipeline || items.Count != manifest.Items)
            {
                return CommandResult.Failed($"the inputs hold {items.Count} {kind} items; the signed manifest says {manifest.Items} for {manifest.Pipeline}");
            }

            var run = await runner.RunAsync(manifest, items, auditable!, cancellationToken);
            if (run.Failure is { } failure)
            {
                return CommandResult.Failed($"audit {manifest.Audit} not answered: {failure}");
            }

            return await upload.PostAsync(manifest, _signer.Value!.Sign(run.Answer!), cancellationToken);
        }
        catch (ModelDownloadException ex)
        {
            return CommandResult.Failed($"the inputs of audit {manifest.Audit} could not be downloaded: {ex.Message}");
        }
        catch (InvalidDataException ex)
        {
            return CommandResult.Failed($"the inputs of audit {manifest.Audit} cannot be read: {ex.Message}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    public void Dispose()
    {
        if (_programmeKey.IsValueCreated)
        {
            _programmeKey.Value.Dispose();
        }

        if (_signer.IsValueCreated)
        {
            _signer.Value?.Dispose();
        }
    }

    // What refuses the command before anything is downloaded; null when it can run.
    private string? Refuse(DeviceCommand command, out AuditManifest? manifest, out IAuditable? auditable)
    {
        auditable = null;
        if (!AuditArguments.TryRead(command.Arguments, edge.Value.Site, edge.Value.Device, out manifest, out var errors))
        {
            return $"not an audit manifest: {ContractError.Join(errors)}";
        }

        if (AuditManifestValidator.Verify(manifest, _programmeKey.Value) is { Count: > 0 } unsigned)
        {
            return $"the audit manifest is not the programme's: {ContractError.Join(unsigned)}; nothing was run";
        }

        var now = time.GetUtcNow();
        if (now > manifest.Deadline)
        {
            return $"audit {manifest.Audit} was due by {manifest.Deadline:O} (device time {now:O}); nothing was run";
        }

        if (pipeline.Current is not (ModelPipeline { Model: not null } and IAuditable running))
        {
            return "this device runs no model (its source is a simulation or a sensor without one), so it has nothing to audit";
        }

        auditable = running;
        return running.Pipeline != manifest.Pipeline ? $"this device runs {running.Pipeline}; audit {manifest.Audit} is for {manifest.Pipeline}"
            : manifest.Size > options.Value.MaxAuditBytes ? $"the inputs are {manifest.Size} bytes, more than this device takes (commands:maxAuditBytes {options.Value.MaxAuditBytes})"
            : _signer.Value is null ? "this device has no signing key (edge: signingKeyFile), and an audit answer must be signed"
            : null;
    }

    private (string Pipeline, IReadOnlyList<AuditInput> Items) Read(string file)
    {
        using var stream = File.OpenRead(file);
        return AuditInputs.Read(stream, options.Value.MaxAuditBytes * 8);
    }
}
