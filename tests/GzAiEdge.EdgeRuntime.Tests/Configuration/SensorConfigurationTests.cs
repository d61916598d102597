using GzAiEdge.Devices.Sources.Sensors;
using GzAiEdge.EdgeRuntime.Configuration;
using GzAiEdge.Testing;
using GzAiEdge.Testing.Devices.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GzAiEdge.EdgeRuntime.Tests.Configuration;

public class SensorConfigurationTests
{
    [Fact]
    public void Sensor_mistakes_name_file_line_and_key()
    {
        using var folder = new TempFolder();
        var path = DeviceConfig.Write(folder, """
            source:
              kind: sensor
              sampleHz: 2
              labelled: true
              sensor:
                chip: mpu6050
                bus: i2c-one
                address: "0x57"
                fingerThreshold: 1
                axis: w
            pipeline:
              kind: environment
            """);
        using var services = DeviceConfig.Build(path);

        var source = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SourceOptions>>().Value);
        var pipeline = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<PipelineOptions>>().Value);

        Assert.Equal(
            [
                $"{path}:9 (Source:Sensor:FingerThreshold): is a max30102 setting, and this sensor is an mpu6050: remove it, or fix Chip",
                $"{path}:7 (Source:Sensor:Bus): 'i2c-one' is not an I2C bus: give N of /dev/i2c-N (`ls /dev/i2c-*` lists them)",
                $"{path}:8 (Source:Sensor:Address): 0x57 cannot be this chip: an MPU-6050 answers at 0x68 (AD0 low) or 0x69 (AD0 high) (`i2cdetect -y N` lists what answers)",
                $"{path}:10 (Source:Sensor:Axis): 'w' is not x, y or z",
                $"{path}:3 (Source:SampleHz): 2 reads the MPU-6050's FIFO every 500 ms, but it is full after 170 ms (1000 Hz, 6 bytes a sample in 1024): use at least 12 so that a late tick does not overflow it",
                $"{path}:4 (Source:Labelled): labelled evaluation scores against a replay's ground truth, and a sensor has none; use kind: replay for it",
            ],
            source.Failures);
        Assert.Contains(pipeline.Failures, f => f.StartsWith($"{path}:12 (Pipeline:Kind): 'environment' cannot read a mpu6050; it feeds vibration-anomaly", StringComparison.Ordinal));
    }

    [Fact]
    public void A_chip_that_does_not_answer_stops_the_start_naming_the_bus_key_and_the_address()
    {
        using var folder = new TempFolder();
        var path = DeviceConfig.Write(folder, $"""
            edge: {"{"} site: huangpu-02, device: env-01, scenario: mfg-huangpu-inspection, stateDirectory: {folder.File("state")} {"}"}
            source:
              kind: sensor
              sampleHz: 1
              sensor:
                chip: bme280
                bus: 3
            pipeline:
              kind: environment
            """);
        using var services = DeviceConfig.Build(path, s => s.AddSingleton<ISensorPorts>(new EmulatedSensorPorts()));

        var error = Assert.Throws<InvalidDataException>(services.ValidateEdgeConfiguration);

        Assert.Equal($"{path}:7 (Source:Sensor:Bus): i2c-3 address 0x76: no device answers (emulated bus)", error.Message);
    }
}
