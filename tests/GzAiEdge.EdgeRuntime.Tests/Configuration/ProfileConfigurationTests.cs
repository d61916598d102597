using GzAiEdge.EdgeRuntime.Configuration;
using GzAiEdge.Inference;
using GzAiEdge.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GzAiEdge.EdgeRuntime.Tests.Configuration;

public class ProfileConfigurationTests
{
    private const string Identity = "edge: { site: tianhe-01, device: cam-01, scenario: traffic-tianhe-flow }\nsource: { profile: traffic }\n";

    [Fact]
    public void The_profile_fills_in_what_the_device_file_leaves_out_and_the_file_overrides_the_rest()
    {
        using var folder = new TempFolder();
        var path = folder.File("device.yaml");
        File.WriteAllText(path, $"profile: rpi5\n{Identity}inference:\n  intraOpThreads: 2\n");
        using var services = DeviceConfig.Build(path);

        var inference = services.GetRequiredService<IOptions<InferenceOptions>>().Value;
        var health = services.GetRequiredService<IOptions<HealthOptions>>().Value;
        var board = services.GetRequiredService<IOptions<BoardOptions>>().Value;

        Assert.Equal(2, inference.IntraOpThreads);
        Assert.Equal(["cpu"], inference.ExecutionProviders);
        Assert.Equal(30, services.GetRequiredService<IOptions<EdgeOptions>>().Value.HeartbeatSeconds);
        Assert.Equal(256L * 1024 * 1024, services.GetRequiredService<IOptions<OutboxOptions>>().Value.MaxBytes);
        Assert.Equal("cpu", Assert.Single(health.ThermalZones).Name);
        Assert.Equal(("linux-arm64", "pinctrl-rp1", 1), (board.RuntimeIdentifier, board.GpioChips[0].Label, board.I2cBuses[0]));
        Assert.Empty(services.OptionFailures());
    }

    [Fact]
    public void A_list_in_the_device_file_replaces_the_profiles_list_whole()
    {
        using var folder = new TempFolder();
        var path = folder.File("device.yaml");
        File.WriteAllText(path, $"profile: jetson-orin-nano\n{Identity}inference:\n  executionProviders: [cpu]\n  nativeLibraryPath: {OrtLibrary("linux-arm64")}\n");
        using var services = DeviceConfig.Build(path);

        // Index by index, [cpu] over [tensorrt, cuda, cpu] would read as [cpu, cuda, cpu].
        Assert.Equal(["cpu"], services.GetRequiredService<IOptions<InferenceOptions>>().Value.ExecutionProviders);
        Assert.Equal(4, services.GetRequiredService<IOptions<InferenceOptions>>().Value.IntraOpThreads);
    }

    [Fact]
    public void An_unknown_profile_stops_the_start_naming_file_and_line_and_listing_the_profiles()
    {
        using var folder = new TempFolder();
        var path = folder.File("device.yaml");
        File.WriteAllText(path, $"{Identity}profile: rpi6\n");

        var ex = Assert.Throws<InvalidDataException>(() => DeviceConfig.Build(path));

        Assert.StartsWith($"{path}:3 (Profile): unknown profile 'rpi6'; the profiles are jetson-orin-nano, jetson-xavier-nx, rpi4, rpi5, x64-dev (in ", ex.Message);
    }

    [Fact]
    public void Mistakes_in_a_profile_name_the_profile_file_and_line()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("profiles"));
        var profile = folder.File("profiles/odd-board.yaml");
        File.WriteAllText(profile, """
            board:
              name: other-board
              arch: riscv64
              camera: { stack: directshow, command: cap, pixelFormat: rgb24, width: 640, height: 480, framesPerSecond: 15 }
              gpioChips:
                - { label: main, device: /dev/gpio0, lines: 32 }
            inference:
              intraOpThreads: 999
            edge:
              site: not-here
            """);
        var path = folder.File("device.yaml");
        File.WriteAllText(path, $"profile: odd-board\n{Identity}");

        var (services, problems) = DeviceConfig.Build(path, new DeviceProfiles(folder.File("profiles")));
        using (services)
        {
            var failures = services.OptionFailures();

            Assert.Equal([$"{profile}:10 (edge:site): a profile may set only Board, Inference, Health, Outbox, Edge:HeartbeatSeconds; set this in the device file"], problems);
            Assert.Contains($"{profile}:2 (Board:Name): 'other-board' is not the profile's own name 'odd-board'", failures);
            Assert.Contains($"{profile}:3 (Board:Arch): 'riscv64' is not x64 or arm64", failures);
            Assert.Contains($"{profile}:4 (Board:Camera:Stack): 'directshow' is not one of gstreamer, libcamera, v4l2", failures);
            Assert.Contains($"{profile}:6 (Board:GpioChips:0:Device): '/dev/gpio0' is not /dev/gpiochipN", failures);
            Assert.Contains($"{profile}:8 (Inference:IntraOpThreads): 999 is outside 0..256 (0 lets ONNX Runtime choose)", failures);
        }
    }

    [Theory]
    [InlineData("rpi4")]
    [InlineData("rpi5")]
    [InlineData("x64-dev")]
    public void A_shipped_profile_with_the_bundled_library_is_valid(string name)
    {
        using var folder = new TempFolder();
        var path = folder.File("device.yaml");
        File.WriteAllText(path, $"profile: {name}\n{Identity}");
        using var services = DeviceConfig.Build(path);

        Assert.Empty(services.OptionFailures());
    }

    [Theory]
    [InlineData("jetson-orin-nano")]
    [InlineData("jetson-xavier-nx")]
    public void A_jetson_profile_needs_an_arm64_library_at_its_jetpack_path(string name)
    {
        using var folder = new TempFolder();
        var path = folder.File("device.yaml");
        File.WriteAllText(path, $"profile: {name}\n{Identity}");
        var library = Path.Combine("usr", "local", "lib", "libonnxruntime.so.1");
        var profile = Path.Combine(DeviceProfiles.Default.Directory, name + ".yaml");

        using (var services = DeviceConfig.Build(path))
        {
            // Not on this machine: the check looks where the board will have it.
            Assert.Contains(services.OptionFailures(), f => f.StartsWith($"{profile}:", StringComparison.Ordinal)
                && f.EndsWith($"(Inference:NativeLibraryPath): file '/{library}' not found", StringComparison.Ordinal));
        }

        var root = folder.File("root");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(root, library))!);
        File.Copy(OrtLibrary("linux-x64"), Path.Combine(root, library));
        using (var services = DeviceConfig.Build(path, new DeviceFiles(root)))
        {
            Assert.Contains(services.OptionFailures(), f => f.EndsWith($"(Inference:NativeLibraryPath): '/{library}' is built for x64; this board is arm64", StringComparison.Ordinal));
        }

        File.Copy(OrtLibrary("linux-arm64"), Path.Combine(root, library), overwrite: true);
        using (var services = DeviceConfig.Build(path, new DeviceFiles(root)))
        {
            Assert.Empty(services.OptionFailures());
        }
    }

    [Fact]
    public void A_device_file_without_a_profile_checks_no_board()
    {
        using var folder = new TempFolder();
        var path = folder.File("device.yaml");
        File.WriteAllText(path, Identity);
        using var services = DeviceConfig.Build(path);

        Assert.Equal(string.Empty, services.GetRequiredService<IOptions<BoardOptions>>().Value.Name);
        Assert.Empty(services.OptionFailures());
    }

    private static string OrtLibrary(string rid) => OnnxRuntimeLibraries.For(rid);
}
