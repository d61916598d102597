using System.Security.Cryptography;
using GzAiEdge.Audits.Runs;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Evaluation.Audits;
using GzAiEdge.Testing;

namespace GzAiEdge.EndToEnd.Tests.Audits;

/// <summary>
/// What the cloud does with answers it must not score: an unsigned, wrong-key, tampered or wrong-nonce (replayed) answer
/// is rejected with its reason and the part stays open for the device's valid answer, which is scored once; a late answer
/// is rejected and the part ends rejected; a device that never answers ends offline. Every rejection shows in the flags.
/// </summary>
[Collection(AuditCollection.Name)]
[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed class AnswerRejectionTests(AuditRig rig)
{
    [Fact]
    public async Task Unsigned_wrong_key_tampered_and_wrong_nonce_answers_are_rejected_and_the_valid_one_counts_once()
    {
        await using var ghost = await GhostDevice.ConnectAsync(rig);
        var audit = await rig.StartAuditAsync("audit-ghost", "gz-traffic");
        var answer = await ghost.AnswerAsync(await ghost.ManifestAsync(audit.Id));
        var key = rig.Keys[AuditRig.Ghost];
        using var stranger = DeviceSigner.Create();
        var tampered = key.Sign(answer) with { Threshold = 0.2 };

        Rejected(await ghost.PostAsync(answer), "unsigned: the answer is not signed");
        Rejected(await ghost.PostAsync(stranger.Sign(answer)), $"wrong key: signed with another key, not the key of {AuditRig.Site}/{AuditRig.Ghost} {key.Kid}");
        Rejected(await ghost.PostAsync(tampered), "tampered: does not verify with the key of audit-01/cam-09: the answer was changed after it was signed");
        Rejected(await ghost.PostAsync(key.Sign(answer with { Nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)) })), "wrong nonce: it carries");
        // Another device's API token may not answer for the ghost, even with the ghost's own signed answer.
        using var neighbour = CloudAccounts.Client(rig.Api, rig.Tokens.First(t => t.Key != AuditRig.Ghost).Value);
        var (foreign, why) = await ghost.PostAsync(key.Sign(answer), neighbour);
        Assert.True(foreign == 404, $"{foreign}: {why}");
        var (status, body) = await ghost.PostAsync(key.Sign(answer));
        Assert.True(status == 200, body);
        Rejected(await ghost.PostAsync(key.Sign(answer)), "replayed: the part was scored at");

        var part = (await rig.EndedAsync(audit.Id, AuditRig.Ghost)).Devices.Single();
        Assert.Equal(PartStates.Scored, part.State);
        Assert.Equal(0, part.Metrics![Scenarios.Kpis.AccuracyKpis.DetectionRecall.Key].Value);
        var flag = part.Flags!.Single(f => f.Name == AuditFlags.NoRejectedAnswers);
        Assert.False(flag.Passed);
        Assert.Contains("5 answers rejected", flag.Detail, StringComparison.Ordinal);
        Assert.Equal([false, false, false, false, true, false], part.Answers.Select(a => a.Accepted));
    }

    [Fact]
    public async Task A_late_answer_is_rejected_and_a_device_that_never_answers_ends_offline()
    {
        await using var ghost = await GhostDevice.ConnectAsync(rig);
        var late = await rig.StartAuditAsync("audit-ghost", "gz-traffic", deadlineMinutes: 1);
        var silent = await rig.StartAuditAsync("audit-ghost", "gz-traffic", deadlineMinutes: 1);
        var answer = rig.Keys[AuditRig.Ghost].Sign(await ghost.AnswerAsync(await ghost.ManifestAsync(late.Id)));

        await Task.Delay(late.Deadline - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1));

        Rejected(await ghost.PostAsync(answer), $"late: received at");
        var lateView = await rig.EndedAsync(late.Id, AuditRig.Ghost);
        Assert.Equal(PartStates.Rejected, lateView.Devices.Single().State);
        Assert.Contains("the last one was rejected: late:", lateView.Devices.Single().Reason, StringComparison.Ordinal);
        var silentView = await rig.EndedAsync(silent.Id, AuditRig.Ghost);
        Assert.Equal(PartStates.Offline, silentView.Devices.Single().State);
        Assert.Contains("the device was never seen online then", silentView.Devices.Single().Reason, StringComparison.Ordinal);
    }

    private static void Rejected((int Status, string Body) result, string reason)
    {
        Assert.True(result.Status == 422, $"{result.Status} {result.Body}");
        Assert.Contains(reason, result.Body, StringComparison.Ordinal);
    }
}
