using GzAiEdge.Contracts.Commands;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Testing;
using Xunit.Abstractions;

namespace GzAiEdge.EndToEnd.Tests.Commands;

/// <summary>
/// <c>model.update</c> on a real device: a good model is installed and reported, survives a restart; a corrupt
/// download, a foreign signature, a file that is no model and a model whose inferences fail each end in the right
/// event, with the old model running on.
/// </summary>
[Collection(CommandCollection.Name)]
[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed class ModelUpdateTests(CommandRig rig, ITestOutputHelper output)
{
    private static byte[] Vitals => File.ReadAllBytes(RepoPaths.Combine("models", "vitals-classifier.onnx"));

    [Fact]
    public async Task A_signed_model_is_installed_after_its_trial_reported_in_every_report_and_kept_across_a_restart()
    {
        var version = NewVersion("good");
        var sha = await rig.SignAsync(version, OnnxModels.WithDocString(Vitals, $"re-release {version}"));

        var (code, text) = await GzProcesses.RunCliAsync(rig.Folder, "command", "--api", rig.Api.ToString(), "--ca-file", rig.Site.CaFile, "--token-file", rig.Folder.File("admin.token"),
            "--site", CommandRig.SiteId, "--device", CommandRig.Device, "--wait", "--timeout", "60", CommandTypes.ModelUpdate, "--name", CommandRig.Model, "--version", version);

        output.WriteLine(text);
        Assert.True(code == 0, $"{text}\n--- edge ---\n{rig.Edge.Output}");
        Assert.Contains($"{CommandEvents.Accepted}: installing {CommandRig.Model} {version} ({sha[..12]}", text, StringComparison.Ordinal);
        Assert.Contains($"{CommandEvents.Succeeded}: {CommandRig.Model} {version} ({sha[..12]}) runs: the first 5 inferences ran with finite outputs", text, StringComparison.Ordinal);
        Assert.Equal(sha, await rig.LatestReportAsync(DateTimeOffset.UtcNow));

        await rig.RestartEdgeAsync();

        Assert.Equal(sha, await rig.LatestReportAsync(DateTimeOffset.UtcNow));
        Assert.True(File.Exists(Path.Combine(rig.State, $"{CommandRig.Device}.models", $"{sha}.onnx")));
    }

    [Fact]
    public async Task A_download_that_does_not_match_the_signed_sha256_fails_and_the_old_model_runs_on()
    {
        var version = NewVersion("corrupt");
        var running = await rig.LatestReportAsync(DateTimeOffset.UtcNow);
        var sha = await rig.SignAsync(version, OnnxModels.WithDocString(Vitals, version));
        var stored = Path.Combine(rig.Repository, CommandRig.Model, version, "model.onnx");
        var bytes = File.ReadAllBytes(stored);
        bytes[^1] ^= 0xff;
        File.WriteAllBytes(stored, bytes);

        var answers = await rig.AnswersAsync(await rig.SendAsync(CommandTypes.ModelUpdate, Model(version)));

        Assert.Equal([CommandEvents.Accepted, CommandEvents.Failed], answers.Select(a => a.Code));
        Assert.Contains($"the downloaded file has SHA-256 {Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))}, the signed manifest says {sha}", answers[^1].Message, StringComparison.Ordinal);
        Assert.Equal(running, await rig.LatestReportAsync(answers[^1].Time));
    }

    [Fact]
    public async Task A_model_signed_with_another_key_is_rejected_before_anything_is_downloaded()
    {
        var version = NewVersion("foreign");
        using var other = ProgrammeSigner.Create();
        var key = rig.Folder.File($"other-{version}.pem");
        File.WriteAllText(key, other.ExportPrivateKeyPem());
        await rig.SignAsync(version, OnnxModels.WithDocString(Vitals, version), key);

        var answers = await rig.AnswersAsync(await rig.SendAsync(CommandTypes.ModelUpdate, Model(version)));

        var rejected = Assert.Single(answers);
        Assert.Equal(CommandEvents.Rejected, rejected.Code);
        Assert.Contains($"is not the programme's: kid = '{other.Kid}': signed with another key", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_file_that_is_not_a_model_is_rolled_back_and_the_old_model_runs_on()
    {
        var version = NewVersion("garbage");
        var running = await rig.LatestReportAsync(DateTimeOffset.UtcNow);
        await rig.SignAsync(version, System.Text.Encoding.UTF8.GetBytes("this is not an ONNX model"));

        var answers = await rig.AnswersAsync(await rig.SendAsync(CommandTypes.ModelUpdate, Model(version)));

        Assert.Equal([CommandEvents.Accepted, CommandEvents.RolledBack], answers.Select(a => a.Code));
        Assert.Contains($"{CommandRig.Model} {version} failed to load:", answers[^1].Message, StringComparison.Ordinal);
        Assert.EndsWith($"({running[..12]}) runs again", answers[^1].Message, StringComparison.Ordinal);
        Assert.Equal(running, await rig.LatestReportAsync(answers[^1].Time));
    }

    [Fact]
    public async Task A_model_whose_first_inferences_give_no_numbers_is_rolled_back_and_the_old_model_runs_on()
    {
        var version = NewVersion("nan");
        var running = await rig.LatestReportAsync(DateTimeOffset.UtcNow);
        await rig.SignAsync(version, OnnxModels.VitalsNaN());

        var answers = await rig.AnswersAsync(await rig.SendAsync(CommandTypes.ModelUpdate, Model(version)));

        Assert.Equal([CommandEvents.Accepted, CommandEvents.RolledBack], answers.Select(a => a.Code));
        Assert.Contains("failed its trial: inference 1 of 5: output 'logits' holds NaN at index 0", answers[^1].Message, StringComparison.Ordinal);
        Assert.Equal(running, await rig.LatestReportAsync(answers[^1].Time));
    }

    private static Dictionary<string, string> Model(string version) =>
        new() { [CommandTypes.NameArgument] = CommandRig.Model, [CommandTypes.VersionArgument] = version };

    private static string NewVersion(string what) => $"2.{what}.{Guid.NewGuid():N}"[..24];
}
