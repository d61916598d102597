using GzAiEdge.Cli.DeviceConfigs;
using GzAiEdge.Testing;

namespace GzAiEdge.Cli.Tests.DeviceConfigs;

public sealed class DeviceConfigCheckTests : IDisposable
{
    private readonly DeviceTree _tree = new();
    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        _tree.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task Every_shipped_device_config_passes_against_the_tree_it_is_installed_into()
    {
        var configs = Directory.EnumerateFiles(RepoPaths.Combine("firmware-configs", "devices"), "*.yaml", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(RepoPaths.Combine("firmware-configs", "sites"), "*.yaml", SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(RepoPaths.Root, f)).Order(StringComparer.Ordinal).ToArray();

        // From the repository root, as the demo runs its devices: their relative model paths start there.
        var (exitCode, output) = await GzProcesses.RunCliInAsync(RepoPaths.Root, ["config", "validate", "--root", _tree.Root, .. configs]);

        Assert.True(exitCode == 0, output);
        Assert.True(configs.Length >= 9, $"only {configs.Length} shipped configs");
        Assert.Contains($"{configs.Length} files checked against {_tree.Root}: all good", output, StringComparison.Ordinal);
        Assert.All(configs, c => Assert.Contains($"ok {c} (profile ", output, StringComparison.Ordinal));
        Assert.Contains("ok firmware-configs/sites/traffic/tianhe-01-cam-01.yaml (profile jetson-orin-nano; signing key; CA certificates; model traffic-detector v1 loads, fits traffic-detection and ran on the replay)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_config_lists_every_mistake_with_file_and_line()
    {
        var garbage = _folder.File("garbage.bin");
        File.WriteAllText(garbage, "not a key, not a model");
        var path = Write($"""
            profile: rpi5
            edge:
              site: Tianhe 01
              device: cam-01
              scenario: traffic-tianhe-flow
              windowSeconds: 0
              signingKeyFile: {garbage}
            broker:
              port: 0
              caFile: /etc/gzaiedge/missing.crt
            outbox:
              maxBytes: 10
            source:
              kind: replay
              path: {RepoPaths.Combine("models", "replay", "traffic")}
            pipeline:
              kind: traffic-detection
              model: {garbage}
            inference:
              executionProviders: [cuda, tpu]
            """);

        var problems = DeviceConfigCheck.Run(path, root: null).Problems;

        Assert.Equal(
        [
            $"{path}:3 (Edge:Site): 'Tianhe 01' must start with a-z or 0-9",
            $"{path}:6 (Edge:WindowSeconds): 0 is outside 1..3600",
            $"{path}:9 (Broker:Port): 0 is outside 1..65535",
            $"{path}:10 (Broker:CaFile): file '/etc/gzaiedge/missing.crt' not found",
            $"{path}:12 (Outbox:MaxBytes): 10 is outside 4096..1099511627776",
            $"{path}:20 (Inference:ExecutionProviders:1): 'tpu' is not tensorrt, cuda or cpu",
        ], problems.Take(6));
        Assert.StartsWith($"{path}:7 (Edge:SigningKeyFile): {garbage}: not a PEM ECDSA private key", problems[6], StringComparison.Ordinal);
        var model = Assert.Single(problems.Skip(7));
        Assert.StartsWith($"{path}:18 (Pipeline:Model): ", model, StringComparison.Ordinal);
        Assert.Contains(garbage, model, StringComparison.Ordinal);
    }

    [Fact]
    public void Command_and_model_update_keys_are_looked_for_under_the_root_like_every_other_file()
    {
        var path = Write("""
            profile: x64-dev
            edge: { site: s-1, device: d-1, scenario: x }
            source: { profile: traffic }
            commands:
              enabled: [model.update]
              commandKeyFiles: [/etc/gzaiedge/command-key.pub.pem]
              programmeKeyFile: /etc/gzaiedge/programme-key.pub.pem
              caFile: /etc/gzaiedge/ca.crt
              api: https://cloud:5080
            """);

        Assert.Empty(DeviceConfigCheck.Run(path, _tree.Root).Problems);
        Assert.Equal(
        [
            $"{path}:7 (Commands:ProgrammeKeyFile): file '/etc/gzaiedge/programme-key.pub.pem' not found (looked for under {_folder.Path})",
            $"{path}:8 (Commands:CaFile): file '/etc/gzaiedge/ca.crt' not found (looked for under {_folder.Path})",
            $"{path}:6 (Commands:CommandKeyFiles:0): file '/etc/gzaiedge/command-key.pub.pem' not found (looked for under {_folder.Path})",
        ], DeviceConfigCheck.Run(path, _folder.Path).Problems);
    }

    [Fact]
    public void An_unknown_profile_is_named_with_the_profiles_there_are_and_the_other_mistakes_still_listed()
    {
        var path = Write("edge: { site: s-1, device: d-1, scenario: x, heartbeatSeconds: 0 }\nprofile: jetson-nano\nsource: { profile: traffic }\n");

        var problems = DeviceConfigCheck.Run(path, root: null).Problems;

        Assert.Equal(2, problems.Count);
        Assert.StartsWith($"{path}:2 (Profile): unknown profile 'jetson-nano'; the profiles are jetson-orin-nano, jetson-xavier-nx, rpi4, rpi5, x64-dev", problems[0], StringComparison.Ordinal);
        Assert.Equal($"{path}:1 (Edge:HeartbeatSeconds): 0 is outside 1..3600", problems[1]);
    }

    [Fact]
    public void A_model_that_does_not_fit_its_pipeline_is_named_under_its_key()
    {
        var path = Write($"""
            edge: {"{"} site: s-1, device: d-1, scenario: x {"}"}
            source: {"{"} kind: replay, path: {RepoPaths.Combine("models", "replay", "traffic")} {"}"}
            pipeline: {"{"} kind: traffic-detection, model: {RepoPaths.Combine("models", "tiny-add.onnx")} {"}"}
            """);

        var problem = Assert.Single(DeviceConfigCheck.Run(path, root: null).Problems);

        Assert.StartsWith($"{path}:3 (Pipeline:Model): ", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sensor_is_checked_against_the_buses_and_gpio_chips_of_its_board_without_being_opened()
    {
        var bus = Write("profile: rpi4\nedge: { site: s-1, device: d-1, scenario: x }\nsource: { kind: sensor, sampleHz: 1, sensor: { chip: bme280, bus: 7 } }\npipeline: { kind: environment }\n");
        var line = Write("profile: rpi5\nedge: { site: s-1, device: d-1, scenario: x }\nsource: { kind: sensor, sensor: { chip: pulse-counter, gpioChip: gpiochip4, line: \"17\" } }\npipeline: { kind: traffic-loop }\n", "line.yaml");
        var good = Write("profile: rpi4\nedge: { site: s-1, device: d-1, scenario: x }\nsource: { kind: sensor, sampleHz: 1, sensor: { chip: bme280, address: \"0x77\" } }\npipeline: { kind: environment }\n", "good.yaml");

        Assert.Equal([$"{bus}:3 (Source:Sensor:Bus): /dev/i2c-7 is not an I2C bus of board rpi4 (/dev/i2c-1)"], DeviceConfigCheck.Run(bus, root: null).Problems);
        Assert.Equal([$"{line}:3 (Source:Sensor:GpioChip): /dev/gpiochip4 is not a GPIO chip of board rpi5 (/dev/gpiochip0)"], DeviceConfigCheck.Run(line, root: null).Problems);
        var result = DeviceConfigCheck.Run(good, root: null);
        Assert.Empty(result.Problems);
        Assert.Contains("sensor bme280 at 0x77 on /dev/i2c-1 (not opened)", result.Checked);
    }

    [Fact]
    public async Task The_command_exits_2_and_prints_one_problem_a_line_for_a_broken_file_and_0_for_good_ones()
    {
        var bad = Write("edge: { site: s-1, device: d-1, scenario: x }\nsource: { profile: rail }\n");
        var good = Write("profile: x64-dev\nedge: { site: s-1, device: d-1, scenario: x }\nsource: { profile: traffic }\n", "good.yaml");

        var (badExit, badOutput) = await GzProcesses.RunCliAsync(_folder, "config", "validate", good, bad);
        var (goodExit, goodOutput) = await GzProcesses.RunCliAsync(_folder, "config", "validate", good);

        Assert.Equal(2, badExit);
        Assert.Equal(
            [$"ok {good} (profile x64-dev)", $"{bad}:2 (Source:Profile): 'rail' is not one of traffic, manufacturing, medical", "2 files checked: 1 with problems (1 problem)"],
            badOutput.TrimEnd().Split('\n'));
        Assert.Equal(0, goodExit);
        Assert.EndsWith("1 file checked: all good", goodOutput.TrimEnd(), StringComparison.Ordinal);
    }

    // A config without a broker section gets one that opts out of TLS at its end (no line above moves): the configs here
    // test other sections; the TLS rule has its own tests (BrokerOptionsTests, PlaintextConfigTests).
    private string Write(string yaml, string name = "device.yaml")
    {
        var path = _folder.File(name);
        File.WriteAllText(path, yaml.Contains("broker:", StringComparison.Ordinal) ? yaml : yaml.TrimEnd('\n') + "\nbroker: { allowPlaintext: true }\n");
        return path;
    }
}
