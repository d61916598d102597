using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Devices.Sources.Sensors;
using GzAiEdge.EdgeRuntime;
using GzAiEdge.EdgeRuntime.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Cli.DeviceConfigs;

/// <summary>What <c>gz config validate</c> found in one device config.</summary>
/// <param name="Problems">Each as <c>file:line (Key): what is wrong</c>; empty when the config is good.</param>
/// <param name="Checked">What was checked beyond the option validators, for the report of a good config.</param>
internal sealed record DeviceConfigResult(IReadOnlyList<string> Problems, IReadOnlyList<string> Checked);

/// <summary>
/// Checks a device config as the edge worker does at start, off the device: the board profile it names, every
/// option validator (the worker's own) and every key it would not read, and then what the worker would find when it
/// opens its files: the signing key parses as a P-256 key, the CA file holds certificates, the model loads in ONNX
/// Runtime, fits its pipeline and runs (<see cref="ModelCheck"/>), a sensor's bus or GPIO chip is one the board
/// profile lists (the sensor is not opened). Absolute paths are looked for under <c>root</c> when given. Not checked:
/// the board's own ONNX Runtime build and GPU providers (only its CPU architecture), the broker, the state folder.
/// </summary>
internal static class DeviceConfigCheck
{
    public static DeviceConfigResult Run(string file, string? root)
    {
        var path = Path.GetFullPath(file);
        if (!File.Exists(path))
        {
            return new([$"{file}: file not found"], []);
        }

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var problems = new List<string>();
        try
        {
            problems.AddRange(DeviceConfiguration.Add(builder.Configuration, path, DeviceProfiles.Default));
        }
        catch (InvalidDataException ex)
        {
            return new([ex.Message], []);
        }

        var files = new DeviceFiles(root);
        builder.Services.AddSingleton(files);
        builder.AddDeviceSettings();
        builder.AddEdgeRuntime();
        using var services = builder.Services.BuildServiceProvider();
        problems.AddRange(services.OptionFailures());
        var locator = services.GetRequiredService<ConfigurationLocator>();
        var config = builder.Configuration;
        var done = new List<string>();
        if (config[DeviceConfiguration.ProfileKey] is { Length: > 0 } profile)
        {
            done.Add($"profile {profile}");
        }

        Check(problems, done, locator, files, config["Edge:SigningKeyFile"], "Edge:SigningKeyFile", "signing key", key => DeviceSigner.FromPemFile(key).Dispose());
        Check(problems, done, locator, files, config["Broker:CaFile"], "Broker:CaFile", "CA certificates", CheckCertificates);
        if (config["Source:Kind"] == "sensor")
        {
            CheckSensor(problems, done, services, locator);
        }

        ModelCheck.Run(problems, done, services, locator, files);

        return new(problems, done);
    }

    private static void Check(List<string> problems, List<string> done, ConfigurationLocator locator, DeviceFiles files,
        string? file, string key, string what, Action<string> open)
    {
        // A missing file is already reported by the option validators.
        if (file is not { Length: > 0 } || !files.FileExists(file))
        {
            return;
        }

        try
        {
            open(files.Resolve(file));
            done.Add(what);
        }
        catch (Exception ex) when (ex is InvalidDataException or CryptographicException or IOException)
        {
            problems.Add($"{locator.Describe(key)}: {ex.Message}");
        }
    }

    private static void CheckCertificates(string file)
    {
        var certificates = new X509Certificate2Collection();
        certificates.ImportFromPemFile(file);
        if (certificates.Count == 0)
        {
            throw new InvalidDataException($"{file} holds no PEM certificate");
        }
    }

    // The sensor is not opened (this is not the device): its bus or GPIO chip must be one the board profile lists.
    private static void CheckSensor(List<string> problems, List<string> done, IServiceProvider services, ConfigurationLocator locator)
    {
        SensorOptions sensor;
        BoardOptions board;
        try
        {
            sensor = services.GetRequiredService<IOptions<SourceOptions>>().Value.Sensor;
            board = services.GetRequiredService<IOptions<BoardOptions>>().Value;
        }
        catch (OptionsValidationException)
        {
            return;
        }

        if (sensor.Chip == SensorOptions.PulseCounter)
        {
            var chips = board.GpioChips.Select(c => c.Device).ToList();
            if (chips.Count > 0 && !chips.Contains(sensor.GpioChipPath))
            {
                problems.Add($"{locator.Describe("Source:Sensor:GpioChip")}: {sensor.GpioChipPath} is not a GPIO chip of board {board.Name} ({string.Join(", ", chips)})");
                return;
            }
        }
        else if (sensor.TryBus(out var bus, out _) && board.I2cBuses.Count > 0 && !board.I2cBuses.Contains(bus))
        {
            problems.Add($"{locator.Describe("Source:Sensor:Bus")}: /dev/i2c-{bus} is not an I2C bus of board {board.Name} ({string.Join(", ", board.I2cBuses.Select(b => $"/dev/i2c-{b}"))})");
            return;
        }

        done.Add($"sensor {sensor.Display} (not opened)");
    }
}
