using GzAiEdge.Contracts.Evidence;

namespace GzAiEdge.FieldAudits.Items;

/// <summary>
/// One input sampled from a device's closed window: where it was drawn from (period, device, the report's seq and hash,
/// the stratum of the device's own outputs and the draw in [0, 1) that picked it), what became of the request, and,
/// once received, the input (a content-named blob of <see cref="Shape"/>) and the outputs the device produced for it.
/// </summary>
public sealed record FieldItem(
    string Id, string Period, string Scenario, string Site, string Device, string Pipeline, long Seq, string ReportHash,
    DateTimeOffset WindowStart, DateTimeOffset WindowEnd, string Stratum, double Draw, string State, string? Reason, string? Command, string? Nonce, DateTimeOffset? Deadline,
    string? InputSha256, EvidenceShape? Shape, EvidenceOutputs? Outputs, DateTimeOffset? InputTime, DateTimeOffset Sampled, DateTimeOffset? Answered);

/// <summary>The strata a window's inputs are sampled from: the device's own positive and negative outputs.</summary>
public static class Strata
{
    /// <summary>Inputs the pipeline counted positive (a box, a defect, an abnormal window, an anomaly).</summary>
    public const string Positive = "positive";

    /// <summary>Inputs the pipeline counted negative.</summary>
    public const string Negative = "negative";

    /// <summary>Both, in the order items are drawn.</summary>
    public static IReadOnlyList<string> All { get; } = [Positive, Negative];
}

/// <summary>What became of a sampled item: one named outcome each. Only <see cref="Received"/> items are labelled.</summary>
public static class FieldItemStates
{
    /// <summary>Asked for with <c>evidence.fetch</c>; no answer yet.</summary>
    public const string Requested = "requested";

    /// <summary>The device's evidence arrived, signed, bound to the report and consistent with it.</summary>
    public const string Received = "received";

    /// <summary>The device showed (signed, and consistent with its report) that the window had no input of the item's stratum: nothing to label, and not against it.</summary>
    public const string Empty = "empty";

    /// <summary>Evidence arrived but was refused (the reason says why: signature, report binding, outputs, input).</summary>
    public const string Refused = "refused";

    /// <summary>The device answered that the item is no longer in its evidence ring (evicted, or never kept): counts against it.</summary>
    public const string Evicted = "evicted";

    /// <summary>No answer came before the deadline: counts against the device.</summary>
    public const string Unanswered = "unanswered";

    /// <summary>Every state, in the order documents list them.</summary>
    public static IReadOnlyList<string> All { get; } = [Requested, Received, Empty, Refused, Evicted, Unanswered];

    /// <summary>States that count against the device in the field KPIs (an item it could not or would not produce).</summary>
    public static bool CountsAgainst(string state) => state is Refused or Evicted or Unanswered;
}
