using GzAiEdge.Audits.Scoring;
using GzAiEdge.Audits.Storage;
using GzAiEdge.Audits.TestSets;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Contracts.Validation;
using GzAiEdge.Evaluation.Verification;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Audits.Runs;

/// <summary>
/// Takes a device's answer to its part of an audit. It is accepted only when it is well formed, signed with the key the
/// registry holds for that device (<c>Verification:KeyRegistryPath</c>), carries the part's nonce, arrived before the
/// deadline, ran the audit's inputs, and answers every item in the seed's order with the pipeline's outputs; then it is
/// scored and stored. Every answer, accepted or not, is recorded with its reason; a rejected one leaves the part open
/// for a valid one until the deadline.
/// </summary>
public sealed class AnswerIntake(
    AuditStore audits, TestSetStore testSets, BlobStore blobs, IOptions<VerificationOptions> verification, TimeProvider time, ILogger<AnswerIntake> logger)
{
    /// <summary>Checks, scores and stores an answer; returns the verdict.</summary>
    /// <exception cref="AuditException">No such audit, or the device has no part in it.</exception>
    public AnswerVerdict Submit(string auditId, string site, string device, byte[] body)
    {
        var received = time.GetUtcNow();
        var started = time.GetTimestamp();
        var audit = audits.Find(auditId) ?? throw new AuditException(AuditProblem.NotFound, $"no audit {auditId}");
        var part = audits.Part(auditId, site, device) ?? throw new AuditException(AuditProblem.NotFound, $"audit {auditId} has no part for {site}/{device}");
        var (answer, reason) = Check(audit, part, body, received);
        PartResult? result = null;
        if (reason is null)
        {
            (result, var problem) = AuditScorer.Score(audit, part, testSets.Labels(StoredSet(audit)), answer!);
            reason = problem is null ? null : $"incomplete: it does not answer the audit: {problem}";
        }

        if (reason is not null)
        {
            AuditLog.Rejected(logger, auditId, site, device, reason);
            audits.AddAnswer(new AnswerRecord(auditId, site, device, received, false, reason, null));
            return new AnswerVerdict(false, reason);
        }

        var (sha256, _) = blobs.Put(body);
        if (!audits.Score(part, received, sha256, result!))
        {
            // Another answer was scored between the check and now: this one counts no more than a replay.
            audits.AddAnswer(new AnswerRecord(auditId, site, device, received, false, "replayed: the part was scored meanwhile; an answer counts once", sha256));
            return new AnswerVerdict(false, "replayed: the part was scored meanwhile; an answer counts once");
        }

        audits.AddAnswer(new AnswerRecord(auditId, site, device, received, true, "scored", sha256));
        AuditMetrics.Scored(received - audit.Started, time.GetElapsedTime(started));
        AuditLog.Scored(logger, auditId, site, device, answer!.Items.Count, $"{answer.Model.Name} {answer.Model.Version} ({answer.Model.Sha256[..12]})");
        return new AnswerVerdict(true, $"scored: {answer.Items.Count} items, model {answer.Model.Name} {answer.Model.Version} ({answer.Model.Sha256[..12]})");
    }

    private (AuditAnswer? Answer, string? Reason) Check(AuditRecord audit, PartRecord part, byte[] body, DateTimeOffset received)
    {
        if (!MessageReader.TryReadAuditAnswer(body, out var answer, out var errors))
        {
            return (null, $"malformed: {ContractError.Join(errors)}");
        }

        if ((answer.Audit, answer.Site, answer.Device) != (audit.Id, part.Site, part.Device))
        {
            return (null, $"misaddressed: it answers audit {answer.Audit} for {answer.Site}/{answer.Device}, and was posted for audit {audit.Id} of {part.Site}/{part.Device}");
        }

        if (Signature(answer) is { } bad)
        {
            return (null, bad);
        }

        if (part.State != PartStates.Pending)
        {
            return (null, part.State == PartStates.Scored
                ? $"replayed: the part was scored at {part.Answered:O}; an answer counts once"
                : $"the part ended {part.State} ({part.Reason}); it takes no answer now");
        }

        return answer.Nonce != part.Nonce ? (null, $"wrong nonce: it carries {answer.Nonce[..12]}…, this part's is {part.Nonce[..12]}… (an answer to another audit or device, or replayed)")
            : received > audit.Deadline ? (null, $"late: received at {received:O}, after the deadline {audit.Deadline:O}")
            : answer.Inputs != audit.InputsSha256 ? (null, $"wrong inputs: it ran inputs {answer.Inputs[..12]}…, the audit's are {audit.InputsSha256[..12]}…")
            : (answer, null);
    }

    // The registry is read for each answer, so a device provisioned after the cloud started needs no restart.
    private string? Signature(AuditAnswer answer)
    {
        var path = Path.GetFullPath(verification.Value.KeyRegistryPath);
        if (!File.Exists(path))
        {
            return $"not verifiable: the cloud has no device key registry at {path} (Verification:KeyRegistryPath)";
        }

        using var registry = DeviceKeyRegistry.Load(path);
        if (registry.Find(answer.Site, answer.Device) is not { } key)
        {
            return $"not verifiable: the key registry lists no key for {answer.Site}/{answer.Device}";
        }

        var errors = AuditAnswerValidator.Verify(answer, key);
        return errors.FirstOrDefault() is not { } error ? null
            : answer.Sig is null ? $"unsigned: {error.Why}"
            : error.Field == "kid" ? $"wrong key: {error.Why}"
            : $"tampered: {error.Why}";
    }

    private TestSetRecord StoredSet(AuditRecord audit) =>
        testSets.Find(audit.TestSet, audit.Version) ?? throw new InvalidDataException($"test set {audit.TestSet} {audit.Version} of audit {audit.Id} is gone from the store");
}

/// <summary>Whether an answer was accepted (and scored), and why or why not.</summary>
public sealed record AnswerVerdict(bool Accepted, string Reason);
