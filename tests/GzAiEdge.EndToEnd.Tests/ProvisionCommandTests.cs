using GzAiEdge.Testing;

namespace GzAiEdge.EndToEnd.Tests;

public sealed class ProvisionCommandTests
{
    [Theory]
    [InlineData("cam-01", "cam-01")]
    [InlineData("cam-01", "huangpu-02/cam-01")]
    [InlineData("tianhe-01/cam-01", "cam-01")]
    public async Task A_device_id_named_twice_even_at_another_site_is_refused_before_anything_is_written(string first, string second)
    {
        using var folder = new TempFolder("gz-provision");
        var output = folder.File("pki");

        var (code, text) = await GzProcesses.RunCliAsync(folder, "provision", "--site", "tianhe-01", "--device", first, "--device", second, "--out", output);

        Assert.NotEqual(0, code);
        Assert.Contains("--device: each device may be named once", text, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output), text);
    }
}
