using GzAiEdge.Testing;

namespace GzAiEdge.Cli.Tests.Commands;

public sealed class SendCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_config_key_given_twice_is_refused_before_anything_is_sent()
    {
        // Port 9 (discard) on loopback: nothing answers there, so a command that got as far as sending would fail differently.
        var (exitCode, output) = await GzProcesses.RunCliAsync(_folder, "command", "--api", "http://127.0.0.1:9", "--site", "s-1", "--device", "d-1",
            "config.set", "Pipeline:DecisionThreshold=0.6", "pipeline:decisionthreshold=0.7", "Outbox:MaxBytes=x=y", "nokey");

        Assert.Equal(1, exitCode);
        Assert.Contains("'pipeline:decisionthreshold' is given more than once", output, StringComparison.Ordinal);
        Assert.Contains("'nokey' is not key=value", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Outbox:MaxBytes", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }
}
