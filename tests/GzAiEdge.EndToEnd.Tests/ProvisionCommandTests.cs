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

    [Fact]
    public async Task A_devices_file_provisions_every_device_it_lists_at_its_own_site()
    {
        using var folder = new TempFolder("gz-provision");
        var list = folder.File("fleet.txt");
        File.WriteAllText(list, "# gz fleet --list\ntianhe-01/fleet-00001\n\nhuangpu-02/fleet-00002\nfleet-00003  # the --site's own\n");

        var (code, text) = await GzProcesses.RunCliAsync(folder, "provision", "--site", "fleet", "--devices-from", list, "--out", folder.File("pki"));

        Assert.True(code == 0, text);
        Assert.Equal(["fleet-00001", "fleet-00002", "fleet-00003"], Directory.GetDirectories(folder.File("pki/devices")).Select(Path.GetFileName).Order());
        var acl = File.ReadAllText(folder.File("pki/mosquitto/acl"));
        Assert.Contains("topic write gz/v1/huangpu-02/fleet-00002/#", acl, StringComparison.Ordinal);
        Assert.Contains("topic write gz/v1/fleet/fleet-00003/#", acl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_line_in_the_devices_file_is_named_with_its_line_before_anything_is_written()
    {
        using var folder = new TempFolder("gz-provision");
        var list = folder.File("fleet.txt");
        File.WriteAllText(list, "fleet-00001\nTianhe/fleet-00002\n");

        var (code, text) = await GzProcesses.RunCliAsync(folder, "provision", "--site", "fleet", "--devices-from", list, "--out", folder.File("pki"));

        Assert.NotEqual(0, code);
        Assert.Contains($"{list}:2: 'Tianhe/fleet-00002'", text, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.File("pki")), text);
    }
}
