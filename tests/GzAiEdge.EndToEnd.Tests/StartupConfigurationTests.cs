using GzAiEdge.Testing;

namespace GzAiEdge.EndToEnd.Tests;

/// <summary>What an operator sees when a config is wrong: every mistake, where it is, and no stack trace.</summary>
[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed class StartupConfigurationTests
{
    [Fact]
    public async Task An_edge_with_a_bad_config_exits_2_listing_each_mistake_by_file_and_line()
    {
        using var folder = new TempFolder("gz-badcfg");
        await using var edge = GzProcesses.StartEdge("edge:\n  site: Bad Site\n  device: d\n  scenario: s\nsource:\n  profile: rail\n", folder);

        await WaitForExitAsync(edge);

        Assert.Equal(2, edge.ExitCode);
        Assert.Contains($"{folder.File("device.yaml")}:2 (Edge:Site): 'Bad Site' must start with a-z or 0-9", edge.Output);
        Assert.Contains($"{folder.File("device.yaml")}:6 (Source:Profile): 'rail' is not one of", edge.Output);
        AssertNoStackTrace(edge.Output);
    }

    [Fact]
    public async Task An_edge_with_a_misspelt_key_exits_2_naming_the_key_it_meant()
    {
        using var folder = new TempFolder("gz-typo");
        await using var edge = GzProcesses.StartEdge($"""
            edge: {"{"} site: s-1, device: d-1, scenario: x, stateDirectory: {folder.File("state")} {"}"}
            source: {"{"} kind: replay, path: {RepoPaths.Combine("models", "replay", "traffic")} {"}"}
            pipeline:
              kind: traffic-detection
              model: {RepoPaths.Combine("models", "traffic-detector.onnx")}
              scoreTreshold: 0.9
            """, folder);

        await WaitForExitAsync(edge);

        Assert.Equal(2, edge.ExitCode);
        Assert.Contains($"{folder.File("device.yaml")}:6 (Pipeline:scoreTreshold): unknown key; did you mean 'scoreThreshold'?", edge.Output);
        AssertNoStackTrace(edge.Output);
    }

    [Fact]
    public async Task A_cloud_with_a_broken_catalogue_and_an_unknown_key_exits_2_naming_each()
    {
        using var folder = new TempFolder("gz-badcat");
        await File.WriteAllTextAsync(folder.File("catalogue.yaml"), "scenarios:\n  - id: x\n    sector: rail\n    type: t\n    name: { zh: 甲, en: A }\n");
        await using var cloud = GzProcesses.StartCloud(folder, "--urls", $"http://127.0.0.1:{FreePort.Next()}",
            $"--Catalogue:Path={folder.File("catalogue.yaml")}", "--Evaluation:Parallelism=0", "--LiveFeed:Enabeld=false");

        await WaitForExitAsync(cloud);

        Assert.Equal(2, cloud.ExitCode);
        Assert.Contains($"{folder.File("catalogue.yaml")}:2: sector 'rail' is not one of traffic, manufacturing, medical, energy, city", cloud.Output);
        // One start names every mistake, not only the first section's.
        Assert.Contains("Evaluation:Parallelism must be within 1–64", cloud.Output);
        Assert.Contains("LiveFeed:Enabeld (from the command line): unknown key; did you mean 'Enabled'?", cloud.Output);
        AssertNoStackTrace(cloud.Output);
    }

    private static async Task WaitForExitAsync(ChildProcess process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
    }

    private static void AssertNoStackTrace(string output) =>
        Assert.DoesNotContain(output.Split('\n'), line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal));
}
