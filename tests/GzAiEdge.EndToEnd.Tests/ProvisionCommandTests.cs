using GzAiEdge.Contracts.Signing;
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
    public async Task The_programme_key_is_made_once_and_reused_for_the_next_site_and_each_device_gets_its_public_half()
    {
        using var folder = new TempFolder("gz-provision");
        var key = folder.File("operator/programme-key.pem");

        var first = await GzProcesses.RunCliAsync(folder, "provision", "--site", "tianhe-01", "--device", "cam-01", "--out", folder.File("a"), "--programme-key", key);
        var pem = File.ReadAllText(key);
        var second = await GzProcesses.RunCliAsync(folder, "provision", "--site", "yuexiu-03", "--device", "ward-05", "--out", folder.File("b"), "--programme-key", key);

        Assert.True(first.ExitCode == 0 && second.ExitCode == 0, first.Output + second.Output);
        Assert.Equal(pem, File.ReadAllText(key));
        using var programme = ProgrammeSigner.FromPemFile(key);
        Assert.Equal(programme.PublicKeyPem, File.ReadAllText(folder.File("a/devices/cam-01/programme-key.pub.pem")));
        Assert.Equal(programme.PublicKeyPem, File.ReadAllText(folder.File("b/devices/ward-05/programme-key.pub.pem")));
        Assert.Contains($"Commands__ProgrammeKeyFile={folder.File("b/devices/ward-05/programme-key.pub.pem")}", File.ReadAllText(folder.File("b/devices/ward-05/credentials.env")), StringComparison.Ordinal);
        Assert.DoesNotContain("programme-key.pem", string.Join(' ', Directory.GetFiles(folder.File("b"), "*", SearchOption.AllDirectories)), StringComparison.Ordinal);
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
        Assert.Contains("topic read gz/v1/huangpu-02/fleet-00002/cmd", acl, StringComparison.Ordinal);
        Assert.Contains("topic write gz/v1/fleet/fleet-00003/kpi", acl, StringComparison.Ordinal);
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
