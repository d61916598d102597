using System.Security.Cryptography;
using System.Text.Json;
using GzAiEdge.Contracts.Api;
using GzAiEdge.Contracts.Commands;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.EndToEnd.Tests.Commands;
using GzAiEdge.Mqtt;
using GzAiEdge.Testing;
using Xunit.Abstractions;

namespace GzAiEdge.EndToEnd.Tests.Faults;

/// <summary>
/// Fault table, downgrade attempt: manifests the programme really signed, but older than the running model, for
/// another pipeline, or expired, are each refused with the reason and the running model runs on; only a manifest the
/// programme signed as a downgrade takes a device back.
/// </summary>
[Collection(CommandCollection.Name)]
[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed class ModelDowngradeTests(CommandRig rig, ITestOutputHelper output)
{
    private static byte[] Vitals => File.ReadAllBytes(RepoPaths.Combine("models", "vitals-classifier.onnx"));

    [Fact]
    public async Task Older_equal_wrong_pipeline_and_expired_manifests_are_refused_and_a_signed_downgrade_installs()
    {
        var (older, current) = (rig.NextVersionNumber(), rig.NextVersionNumber());
        var v = new[] { "new", "old", "same", "pipe", "expired", "back" }.ToDictionary(w => w, Version);
        var installed = await rig.SignAsync(v["new"], OnnxModels.WithDocString(Vitals, v["new"]), number: current);
        Assert.Equal(CommandEvents.Succeeded, (await rig.AnswersAsync(await rig.SendAsync(CommandTypes.ModelUpdate, Model(v["new"]))))[^1].Code);

        await rig.SignAsync(v["old"], OnnxModels.WithDocString(Vitals, v["old"]), number: older);
        await rig.SignAsync(v["same"], OnnxModels.WithDocString(Vitals, v["same"]), number: current);
        await rig.SignAsync(v["pipe"], OnnxModels.WithDocString(Vitals, v["pipe"]), pipeline: "traffic-detection");
        var refused = new List<DeviceEventView>
        {
            Assert.Single(await rig.AnswersAsync(await rig.SendAsync(CommandTypes.ModelUpdate, Model(v["old"])))),
            Assert.Single(await rig.AnswersAsync(await rig.SendAsync(CommandTypes.ModelUpdate, Model(v["same"])))),
            Assert.Single(await rig.AnswersAsync(await rig.SendAsync(CommandTypes.ModelUpdate, Model(v["pipe"])))),
            Assert.Single(await rig.AnswersAsync(await SendExpiredAsync(v["expired"]))),
        };

        Assert.All(refused, r => Assert.Equal(CommandEvents.Rejected, r.Code));
        Assert.Contains($"has version number {older}, not above the {current} of the model running: a downgrade installs only from a manifest the programme signed as one", refused[0].Message, StringComparison.Ordinal);
        Assert.Contains($"has version number {current}, not above the {current} of the model running", refused[1].Message, StringComparison.Ordinal);
        Assert.Contains("is for the traffic-detection pipeline; this device runs vitals-classification", refused[2].Message, StringComparison.Ordinal);
        Assert.Contains("expired at ", refused[3].Message, StringComparison.Ordinal);
        Assert.All(refused, r => Assert.EndsWith("nothing changed", r.Message, StringComparison.Ordinal));
        Assert.Equal(installed, await rig.LatestReportAsync(refused[^1].Time));

        var back = await rig.SignAsync(v["back"], OnnxModels.WithDocString(Vitals, v["back"]), number: older, downgrade: true);
        var downgrade = await rig.AnswersAsync(await rig.SendAsync(CommandTypes.ModelUpdate, Model(v["back"])));

        Assert.Equal([CommandEvents.Accepted, CommandEvents.Succeeded], downgrade.Select(a => a.Code));
        Assert.Equal(back, await rig.LatestReportAsync(downgrade[^1].Time));
        output.WriteLine($"downgrade attempts: older ({older} < {current}), equal, another pipeline and expired manifests refused; the running model unchanged; a signed downgrade to {older} installed");
    }

    // The cloud refuses to send an expired manifest, so the test plays the cloud: the programme signs a manifest that
    // expired yesterday and the command key signs the command, as a cloud that skipped its check would send it.
    private async Task<string> SendExpiredAsync(string version)
    {
        var content = OnnxModels.WithDocString(Vitals, version);
        var folder = Directory.CreateDirectory(Path.Combine(rig.Repository, CommandRig.Model, version)).FullName;
        await File.WriteAllBytesAsync(Path.Combine(folder, "model.onnx"), content);
        using var programme = ProgrammeSigner.FromPemFile(rig.ProgrammeKey);
        var created = DateTimeOffset.UtcNow.AddDays(-2);
        var manifest = programme.Sign(new ModelManifest
        {
            V = ContractVersion.Current,
            Name = CommandRig.Model,
            Version = version,
            VersionNumber = rig.NextVersionNumber(),
            Pipeline = "vitals-classification",
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Size = content.Length,
            Created = created,
            Expires = created.AddDays(1),
        });
        await File.WriteAllBytesAsync(Path.Combine(folder, "manifest.json"), JsonSerializer.SerializeToUtf8Bytes(manifest, GzJsonContext.Default.ModelManifest));

        using var commands = CommandSigner.FromPemFile(rig.CommandKey);
        var now = DateTimeOffset.UtcNow;
        var command = commands.Sign(new DeviceCommand
        {
            V = ContractVersion.Current,
            Id = Guid.NewGuid().ToString("N"),
            Site = CommandRig.SiteId,
            Device = CommandRig.Device,
            Issued = now,
            Expires = now.AddMinutes(5),
            Type = CommandTypes.ModelUpdate,
            Arguments = Model(version),
        });
        await using var cloud = await rig.Site.ConnectAsync("cloud/commander-2", "test-cloud-expired");
        await cloud.PublishAsync(new MqttApplicationMessage($"gz/v1/{CommandRig.SiteId}/{CommandRig.Device}/cmd",
            JsonSerializer.SerializeToUtf8Bytes(command, GzJsonContext.Default.DeviceCommand)), CancellationToken.None);
        return command.Id;
    }

    private static Dictionary<string, string> Model(string version) =>
        new() { [CommandTypes.NameArgument] = CommandRig.Model, [CommandTypes.VersionArgument] = version };

    private static string Version(string what) => $"3.{what}.{Guid.NewGuid():N}"[..24];
}
