using GzAiEdge.Audits.Runs;
using GzAiEdge.Audits.Scoring;
using GzAiEdge.Audits.TestSets;
using GzAiEdge.Contracts.Audits;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Evaluation.Audits;
using GzAiEdge.Scenarios.Kpis;

namespace GzAiEdge.Audits.Tests.Runs;

/// <summary>
/// Scoring an answer: it must answer every item of the audit once, in the order of the part's seed, with the pipeline's
/// outputs; repeats are compared with their first run; the same answer gives the same metrics and intervals every time.
/// </summary>
public sealed class AuditScorerTests
{
    private const long Seed = 5;

    // Three images labelled ok, defect, ok; the audit sends them as a, b, c, and b once more as d.
    private static readonly TestSetLabels Labels = new("visual-inspection", ["ok", "defect"],
        [new ItemLabel("p1") { Class = 0 }, new ItemLabel("p2") { Class = 1 }, new ItemLabel("p3") { Class = 0 }]);

    private static readonly AuditRecord Audit = new("a".PadLeft(32, '0'), "s", "visual-inspection", "t", "1", new string('1', 64), new string('2', 64), 1,
        [new AuditItem("a", "p1", null), new AuditItem("b", "p2", null), new AuditItem("c", "p3", null), new AuditItem("d", "p2", "b")],
        DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddHours(1));

    private static readonly PartRecord Part = new(Audit.Id, "site", "dev", "cmd", new string('3', 64), Seed, PartStates.Pending, null, null, null, null);

    [Fact]
    public void A_complete_answer_in_the_seeds_order_is_scored_the_same_every_time_with_repeats_left_out_of_the_metrics()
    {
        var answer = Answer(new() { ["a"] = 0, ["b"] = 1, ["c"] = 1, ["d"] = 1 });

        var (result, problem) = AuditScorer.Score(Audit, Part, Labels, answer);
        var (again, _) = AuditScorer.Score(Audit, Part, Labels, answer);

        Assert.Null(problem);
        var accuracy = result!.Metrics[AccuracyKpis.ClassificationAccuracy.Key];
        Assert.Equal(2.0 / 3, accuracy.Value, 12);
        Assert.Equal(3, accuracy.Items);
        Assert.True(accuracy.Low <= accuracy.Value && accuracy.Value <= accuracy.High);
        Assert.Equal(result.Metrics.OrderBy(m => m.Key), again!.Metrics.OrderBy(m => m.Key));
        Assert.Equal(new AuditFlag(AuditFlags.RepeatsIdentical, true, "all 1 items repeated under new ids gave outputs identical to their first run"), result.Repeats);
        Assert.Equal(4, result.Runs);
    }

    [Fact]
    public void A_repeat_that_answers_otherwise_than_its_first_run_fails_the_repeats_flag()
    {
        var (result, _) = AuditScorer.Score(Audit, Part, Labels, Answer(new() { ["a"] = 0, ["b"] = 1, ["c"] = 0, ["d"] = 0 }));

        Assert.False(result!.Repeats.Passed);
        Assert.Equal("1 of 1 repeated items gave other outputs than their first run, first 'd' (a repeat of 'b')", result.Repeats.Detail);
    }

    [Fact]
    public void An_answer_out_of_the_seeds_order_missing_an_item_or_of_another_pipeline_is_not_scored()
    {
        var answer = Answer(new() { ["a"] = 0, ["b"] = 1, ["c"] = 0, ["d"] = 1 });
        var order = AuditOrder.Of(Seed, 4);

        Assert.StartsWith("item 0 run is ", AuditScorer.Score(Audit, Part, Labels, answer with { Items = [.. answer.Items.Reverse()] }).Problem, StringComparison.Ordinal);
        Assert.Equal("it answers 3 items; the audit's inputs hold 4", AuditScorer.Score(Audit, Part, Labels, answer with { Items = [.. answer.Items.Take(3)] }).Problem);
        var boxes = answer with { Items = [.. answer.Items.Select(i => i with { Scores = null, Decision = null, Boxes = [] })] };
        Assert.Equal($"item 'a': no class scores and decision: a classifier answers each image with both", AuditScorer.Score(Audit, Part, Labels, boxes).Problem);
        Assert.Equal(4, order.Distinct().Count());
    }

    private static AuditAnswer Answer(Dictionary<string, int> decisions) => new()
    {
        V = ContractVersion.Current,
        Audit = Audit.Id,
        Site = "site",
        Device = "dev",
        Nonce = Part.Nonce,
        Inputs = Audit.InputsSha256,
        Model = new ModelInfo("m", "1", new string('4', 64)),
        Threshold = 0.5,
        Started = DateTimeOffset.UnixEpoch,
        Finished = DateTimeOffset.UnixEpoch,
        Items = [.. AuditOrder.Of(Seed, 4).Select(i => Audit.Items[i].Id).Select(id => new AuditItemAnswer
        {
            Id = id,
            LatencyMs = [1],
            Scores = decisions[id] == 1 ? [0.2, 0.8] : [0.9, 0.1],
            Decision = decisions[id],
        })],
    };
}
