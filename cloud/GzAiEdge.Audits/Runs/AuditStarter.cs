using System.Security.Cryptography;
using GzAiEdge.Audits.Storage;
using GzAiEdge.Audits.TestSets;
using GzAiEdge.Contracts.Audits;
using GzAiEdge.Contracts.Commands;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.DeviceManagement.Commands;
using GzAiEdge.Evaluation;
using GzAiEdge.Scenarios.Audits;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Audits.Runs;

/// <summary>
/// Starts an audit of a scenario's listed devices (or one of them) on a test set of the scenario's pipeline: builds the
/// audit's inputs file, and sends each device an <c>audit.run</c> command, through the one command publisher, carrying
/// a manifest signed with the programme key with the device's own nonce and item-order seed and the deadline.
/// </summary>
public sealed class AuditStarter(
    ProgrammeSource programme, TestSetStore testSets, AuditStore audits, BlobStore blobs, CommandPublisher publisher,
    IOptions<AuditsOptions> options, TimeProvider time, ILogger<AuditStarter> logger)
{
    /// <exception cref="AuditException">The request cannot be carried out; the message says why.</exception>
    public async Task<AuditRecord> StartAsync(AuditStart request, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var (scenario, devices) = Devices(request);
        var pipeline = programme.Get().Programme!.TypeOf(scenario).Pipeline;
        if (!AuditedPipelines.IsAudited(pipeline))
        {
            throw new AuditException(AuditProblem.Invalid, $"scenario {scenario.Id} runs {pipeline}, which has no model to audit");
        }

        var set = testSets.Find(request.TestSet, request.Version)
            ?? throw new AuditException(AuditProblem.NotFound, $"the store has no test set {request.TestSet}{(request.Version is null ? string.Empty : $" {request.Version}")} (gz testset list)");
        if (set.Pipeline != pipeline)
        {
            throw new AuditException(AuditProblem.Invalid, $"test set {set.Name} {set.Version} is for {set.Pipeline}; scenario {scenario.Id} runs {pipeline}");
        }

        var minutes = request.DeadlineMinutes ?? o.DeadlineMinutes;
        if (minutes is < 1 or > 7 * 24 * 60)
        {
            throw new AuditException(AuditProblem.Invalid, $"deadlineMinutes must be 1 to {7 * 24 * 60} (was {minutes})");
        }

        using var signer = o.SigningKeyFile is { Length: > 0 } key
            ? ProgrammeSigner.FromPemFile(key)
            : throw new AuditException(AuditProblem.NotConfigured, "Audits:SigningKeyFile is not set: the cloud has no programme key to sign audit manifests with");
        var (map, inputs) = AuditInputsBuilder.Build(testSets.Inputs(set), o.RepeatShare);
        var (sha256, size) = blobs.Put(s => AuditInputs.Write(s, pipeline, inputs));
        var now = time.GetUtcNow();
        var audit = new AuditRecord(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), scenario.Id, pipeline, set.Name, set.Version, set.Sha256,
            sha256, size, map, now, now.AddMinutes(minutes));
        var commands = devices.Select(d => Command(audit, d.Site, d.Device, signer)).ToList();
        audits.Create(audit, [.. commands.Select(c => c.Part)]);
        AuditLog.Started(logger, audit.Id, scenario.Id, set.Name, set.Version, map.Count, devices.Count, audit.Deadline);
        foreach (var (command, part) in commands)
        {
            try
            {
                await publisher.PublishAsync(command, cancellationToken);
            }
            catch (CommandNotPublishedException ex)
            {
                AuditLog.NotSent(logger, audit.Id, part.Site, part.Device, ex.Message);
                audits.End(part, PartStates.Failed, $"the audit.run command could not be sent: {ex.Message}");
            }
        }

        return audit;
    }

    private (Scenarios.Catalogue.Scenario Scenario, List<(string Site, string Device)> Devices) Devices(AuditStart request)
    {
        var (loaded, error) = programme.Get();
        if (loaded is null)
        {
            throw new AuditException(AuditProblem.NotConfigured, $"the programme cannot be loaded: {error}");
        }

        if (!loaded.Catalogue.TryGet(request.Scenario, out var scenario))
        {
            throw new AuditException(AuditProblem.NotFound, $"the catalogue ({programme.CataloguePath}) has no scenario {request.Scenario}");
        }

        var listed = scenario.Sites.SelectMany(s => s.Devices.Select(d => (s.Site, Device: d))).ToList();
        var chosen = listed.Where(d => (request.Site is null || d.Site == request.Site) && (request.Device is null || d.Device == request.Device)).ToList();
        return chosen.Count > 0
            ? (scenario, chosen)
            : throw new AuditException(listed.Count == 0 ? AuditProblem.Invalid : AuditProblem.NotFound, listed.Count == 0
                ? $"scenario {scenario.Id} lists no devices"
                : $"scenario {scenario.Id} lists no device {request.Site}/{request.Device}; it lists {string.Join(", ", listed.Select(d => $"{d.Site}/{d.Device}"))}");
    }

    private (DeviceCommand Command, PartRecord Part) Command(AuditRecord audit, string site, string device, ProgrammeSigner signer)
    {
        var manifest = signer.Sign(new AuditManifest
        {
            V = ContractVersion.Current,
            Audit = audit.Id,
            Site = site,
            Device = device,
            TestSet = audit.TestSet,
            Version = audit.Version,
            Pipeline = audit.Pipeline,
            Items = audit.Items.Count,
            Sha256 = audit.InputsSha256,
            Size = audit.InputsSize,
            Url = $"api/v1/audits/{audit.Id}/inputs",
            Nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
            Seed = (long)(BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)) & (ulong)Contracts.Validation.AuditManifestValidator.MaxSeed),
            Deadline = audit.Deadline,
            Created = audit.Started,
        });
        var command = new DeviceCommand
        {
            V = ContractVersion.Current,
            Id = Guid.NewGuid().ToString("N"),
            Site = site,
            Device = device,
            Issued = audit.Started,
            Expires = audit.Deadline,
            Type = CommandTypes.AuditRun,
            Arguments = AuditArguments.Of(manifest),
        };
        return (command, new PartRecord(audit.Id, site, device, command.Id, manifest.Nonce, manifest.Seed, PartStates.Pending, null, null, null, null));
    }
}

/// <summary>What to audit: a scenario (all its listed devices, or one site or device of it) on a test set version (latest when null).</summary>
public sealed record AuditStart(string Scenario, string TestSet, string? Version = null, string? Site = null, string? Device = null, int? DeadlineMinutes = null);
