using GzAiEdge.Testing;

namespace GzAiEdge.Evaluation.Tests;

/// <summary>
/// <c>gz evaluate</c> and <c>gz leaderboard</c> over the fixture's stored data: their tables show each score with its
/// interval in brackets, which the console's markup would otherwise read as a style and refuse ("malformed markup tag").
/// </summary>
[Collection(IngestedProgrammeCollection.Name)]
[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed class EvaluationCommandTests(IngestedProgrammeFixture data)
{
    [Theory]
    // The scenario's score is 17 with no audit (EvaluationTests): an interval of no width. Tables wrap at 80 columns.
    [InlineData("evaluate", "17.00 [")]
    [InlineData("leaderboard", "interval]")]
    public async Task The_command_prints_scores_with_their_intervals(string command, string expected)
    {
        // From the repository root, where the catalogue and types are by default.
        var (code, output) = await GzProcesses.RunCliInAsync(RepoPaths.Root, command, "--influx", data.Influx.BaseAddress.ToString(), "--database", data.Influx.Database,
            "--from", "2026-03-01T00:00:00Z", "--to", "2026-03-01T00:04:00Z", "--scenario", IngestedProgrammeFixture.Scenario);

        Assert.True(code == 0, output);
        Assert.Contains(expected, output);
    }
}
