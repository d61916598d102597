using GzAiEdge.Contracts.Messages;

namespace GzAiEdge.Contracts.Tests.Audits;

/// <summary>A well-formed audit manifest and answer to sign, change and break.</summary>
internal static class AuditSamples
{
    public static readonly DateTimeOffset Created = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    public static AuditManifest Manifest() => new()
    {
        V = ContractVersion.Current,
        Audit = new string('a', 32),
        Site = "tianhe-01",
        Device = "cam-01",
        TestSet = "gz-traffic",
        Version = "2026.1",
        Pipeline = "traffic-detection",
        Items = 110,
        Sha256 = new string('b', 64),
        Size = 3_921_788,
        Url = $"api/v1/audits/{new string('a', 32)}/inputs",
        Nonce = new string('c', 64),
        Seed = 1234567890123,
        Deadline = Created.AddHours(1),
        Created = Created,
    };

    public static AuditAnswer Answer() => new()
    {
        V = ContractVersion.Current,
        Audit = new string('a', 32),
        Site = "tianhe-01",
        Device = "cam-01",
        Nonce = new string('c', 64),
        Inputs = new string('b', 64),
        Model = new ModelInfo("traffic-detector", "1", new string('d', 64)),
        Threshold = 0.5f,
        Started = Created.AddSeconds(5),
        Finished = Created.AddSeconds(9),
        Items =
        [
            new AuditItemAnswer { Id = "0f1e2d3c4b5a6978", LatencyMs = [0.4213], Boxes = [new AuditBox("vehicle", 0.9173021f, 10.5f, 20.25f, 30.125f, 61.0f)] },
            new AuditItemAnswer { Id = "p000002", LatencyMs = [1.25], Scores = [0.1f, 0.9f], Decision = 1 },
            new AuditItemAnswer { Id = "w00003", LatencyMs = [0.003], Error = 0.0167251f, Decision = 0 },
            new AuditItemAnswer { Id = "s0004", LatencyMs = [0.1, 0.2], Windows = [new AuditWindow(0, 30, [0.7, 0.3], 0, false), new AuditWindow(5, 35, [0.2, 0.8], 1, true)] },
        ],
    };
}
