using GzAiEdge.Devices.Sources;
using GzAiEdge.Devices.Sources.Sensors;
using GzAiEdge.EdgeRuntime.Pipeline;
using GzAiEdge.EdgeRuntime.Tests.Configuration;
using GzAiEdge.Testing;
using GzAiEdge.Testing.Devices.Emulation;
using GzAiEdge.Testing.Devices.Gpio;
using GzAiEdge.Testing.Devices.Sensors.Bme280;
using GzAiEdge.Testing.Devices.Sensors.Max30102;
using GzAiEdge.Testing.Devices.Sensors.Mpu6050;
using GzAiEdge.Testing.Devices.Sources;
using Microsoft.Extensions.DependencyInjection;

namespace GzAiEdge.EdgeRuntime.Tests.Pipeline.Sensors;

/// <summary>
/// Each sensor pipeline as a device config builds it, reading the real driver through the real sensor source, with
/// the chip emulated at register level on an emulated clock; the KPIs are those of the signal the emulator played.
/// </summary>
public sealed class SensorPipelineTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly EmulatedClock _clock = new();
    private readonly EmulatedSensorPorts _ports = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Environment_reports_the_means_the_datasheet_compensation_gives_for_the_emulated_adc_values()
    {
        var chip = new Bme280Emulator(_clock, address: 0x77) { AdcTemperature = DatasheetExample.AdcT, AdcPressure = DatasheetExample.AdcP, AdcHumidity = 30000 };
        _ports.With(chip);

        var (kpis, stats) = Run("sampleHz: 1\n  sensor: { chip: bme280, address: \"0x77\" }", "kind: environment", seconds: 10, tickHz: 1);

        // BMP280 3.12 worked example: 25.08 °C and 100653.27 Pa; humidity 56317 / 1024 %RH from the same t_fine through
        // BME280 4.2.3, worked by hand in Bme280CompensationTests.
        Assert.Equal(10, kpis[KpiWindow.SamplesKpi]);
        Assert.Equal(25.08, kpis["temperature_mean_c"], 0.001);
        Assert.Equal(1006.5327, kpis["pressure_mean_hpa"], 0.001);
        Assert.Equal(56317 / 1024.0, kpis["humidity_mean_pct"], 0.001);
        Assert.Equal(kpis["temperature_min_c"], kpis["temperature_max_c"]);
        Assert.Equal((SourceState.Streaming, 10L, 10L, 0L), (stats.State, stats.Received, stats.Delivered, stats.Lost));
    }

    [Fact]
    public void Traffic_loop_counts_the_vehicles_of_a_pulse_train_and_their_occupancy_and_ignores_a_glitch()
    {
        // Three vehicles of 400 ms each, and a 5 ms spike (under MinPulseMs) that is no vehicle.
        _ports.Line = new GpioLineEmulator(false).Pulse(1000, 400).Pulse(3000, 400).Pulse(4700, 5).Pulse(6200, 400);

        var (kpis, stats) = Run("sampleHz: 10\n  sensor: { chip: pulse-counter, line: \"17\" }", "kind: traffic-loop", seconds: 10, tickHz: 10);

        Assert.Equal(3, kpis["vehicle_count"]);
        Assert.Equal(3 * 360, kpis["vehicle_flow_per_hour"], 6);
        Assert.Equal(1.2 / 10, kpis["occupancy"], 4);
        Assert.Equal(("pulse-counter", SourceState.Streaming, 100L), (stats.Kind, stats.State, stats.Delivered));
    }

    [Theory]
    [InlineData(false, 0.0, 0.05)]
    [InlineData(true, 0.5, 1.0)]
    public void Vibration_from_the_mpu6050_fifo_fills_the_models_windows_at_512_hz_and_flags_a_bearing_fault(bool fault, double minRate, double maxRate)
    {
        // The model card's healthy signal (models/scenes.py): 25 Hz rotation with 2nd and 3rd harmonics, in g, on Z
        // over gravity; a fault adds ringing 190 Hz impacts 85 times a second. ±4 g full scale: 8192 LSB per g.
        var chip = new Mpu6050Emulator(_clock)
        {
            Signal = n =>
            {
                var t = n / 1000.0;
                var x = Math.Sin(2 * Math.PI * 25 * t) + (0.4 * Math.Sin(4 * Math.PI * 25 * t)) + (0.15 * Math.Sin(6 * Math.PI * 25 * t));
                var sinceHit = t % (1 / 85.0);
                x += fault && sinceHit < 0.03 ? 0.7 * Math.Exp(-sinceHit * 150) * Math.Sin(2 * Math.PI * 190 * sinceHit) : 0;
                return (0, 0, (short)Math.Round(8192 * (1 + x)), 0, 0, 0, 0);
            },
        };
        _ports.With(chip);
        var model = RepoPaths.Combine("models", "vibration-autoencoder.onnx");

        var (kpis, stats) = Run(
            "sampleHz: 20\n  sensor: { chip: mpu6050 }", $"kind: vibration-anomaly\n  model: {model}\n  anomalyThreshold: 0.016725\n  hopSamples: 64", seconds: 6, tickHz: 20);

        // The first second after the open measures gravity and is not delivered; the resampler holds 32 chip samples.
        Assert.InRange(stats.Delivered, (5 * 512) - 40, 5 * 512);
        Assert.Equal(0, stats.Lost);
        Assert.Equal(((stats.Delivered - 128) / 64) + 1, kpis["vibration_windows"]);
        Assert.InRange(kpis["anomaly_rate"], minRate, maxRate);
    }

    [Fact]
    public void Vitals_read_heart_rate_and_spo2_from_the_max30102_ppg()
    {
        var ppg = new SyntheticPpg(72, ratio: 0.5);
        var chip = new Max30102Emulator(_clock) { Signal = ppg.At };
        _ports.With(chip);
        var model = RepoPaths.Combine("models", "vitals-classifier.onnx");

        var (kpis, stats) = Run("sampleHz: 10\n  sensor: { chip: max30102 }", $"kind: vitals-classification\n  model: {model}", seconds: 60, tickHz: 10);

        Assert.Equal(72, kpis["heart_rate_mean"], 3.0);
        Assert.Equal(ppg.ExpectedSpo2, kpis["spo2_mean"], 2.0);
        Assert.Equal(0, stats.Lost);
        Assert.InRange(stats.Delivered + stats.Skipped, 59, 60);
        Assert.InRange(stats.Delivered, 45, 60);
    }

    [Fact]
    public void A_bus_error_backs_off_with_the_bus_address_and_register_then_the_source_opens_the_chip_again()
    {
        var chip = new Bme280Emulator(_clock);
        _ports.With(chip);
        using var services = Services("sampleHz: 1\n  sensor: { chip: bme280, backoffSeconds: 2 }", "kind: environment");
        var source = services.GetRequiredService<PipelineHost>().Current;
        var samples = new List<Sample>();

        Tick(source, samples, 1, 1);
        chip.Acknowledges = false;
        Tick(source, samples, 1, 1);
        var failed = source.SourceStats!;
        chip.Acknowledges = true;
        Tick(source, samples, 3, 1);

        Assert.Equal(SourceState.Backoff, failed.State);
        Assert.StartsWith("i2c-1 address 0x76 register 0x", failed.Reason, StringComparison.Ordinal);
        Assert.Contains("no acknowledge", failed.Reason, StringComparison.Ordinal);
        Assert.Equal((SourceState.Streaming, 1L), (source.SourceStats!.State, source.SourceStats.Reconnects));
        Assert.InRange(source.SourceStats.Lost, 1, 2);
        Assert.Equal(source.SourceStats.Delivered * 3, samples.Count);
    }

    private (Dictionary<string, double> Kpis, SourceStats Stats) Run(string source, string pipeline, int seconds, double tickHz)
    {
        using var services = Services(source, pipeline);
        var built = services.GetRequiredService<PipelineHost>().Current;
        var start = _clock.GetUtcNow();
        var samples = new List<Sample>();

        Tick(built, samples, (int)(seconds * tickHz), tickHz);

        var window = new KpiWindow(built.Kpis, start, TimeSpan.FromSeconds(seconds), built.InputSample);
        samples.ForEach(window.Add);
        return (window.Compute(), built.SourceStats!);
    }

    private ServiceProvider Services(string source, string pipeline)
    {
        var path = DeviceConfig.Write(_folder, $"""
            edge: {"{"} site: huangpu-02, device: sensor-01, scenario: mfg-huangpu-inspection, stateDirectory: {_folder.File("state")} {"}"}
            source:
              kind: sensor
              {source}
            pipeline:
              {pipeline}
            """);
        return DeviceConfig.Build(path, services => services.AddSingleton<ISensorPorts>(_ports).AddSingleton<TimeProvider>(_clock));
    }

    // The pipeline's tick, as PipelineService runs it, with the chips' time (and the line's clock) moved first.
    private void Tick(ISampleSource source, List<Sample> samples, int ticks, double tickHz)
    {
        var step = TimeSpan.FromSeconds(1 / tickHz);
        for (var i = 0; i < ticks; i++)
        {
            _clock.Advance(step);
            _ports.Line?.AdvanceTo(_clock.Elapsed.TotalMilliseconds);
            source.Tick(_clock.GetUtcNow(), step.TotalSeconds, samples);
        }
    }
}
