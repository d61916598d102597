using GzAiEdge.Contracts.Topics;
using GzAiEdge.EdgeRuntime.Simulation;
using Microsoft.Extensions.Options;

namespace GzAiEdge.EdgeRuntime.Configuration;

/// <summary>Checks the device config at start, naming the file, line and key of every bad value.</summary>
public sealed class EdgeOptionsValidator(ConfigurationLocator locator, DeviceFiles files) :
    IValidateOptions<EdgeOptions>, IValidateOptions<BrokerOptions>, IValidateOptions<SourceOptions>, IValidateOptions<OutboxOptions>
{
    public ValidateOptionsResult Validate(string? name, EdgeOptions options)
    {
        var errors = new List<string>();
        CheckId(errors, "Edge:Site", options.Site);
        CheckId(errors, "Edge:Device", options.Device);
        CheckId(errors, "Edge:Scenario", options.Scenario);
        CheckRange(errors, "Edge:WindowSeconds", options.WindowSeconds, 1, 3600);
        CheckRange(errors, "Edge:HeartbeatSeconds", options.HeartbeatSeconds, 1, 3600);
        if (string.IsNullOrWhiteSpace(options.StateDirectory))
        {
            errors.Add($"{locator.Describe("Edge:StateDirectory")}: must name a folder");
        }

        if (options.SigningKeyFile is { Length: > 0 } key && !files.FileExists(key))
        {
            errors.Add($"{locator.Describe("Edge:SigningKeyFile")}: file '{key}' not found{files.Where(key)}");
        }

        return Result(errors);
    }

    public ValidateOptionsResult Validate(string? name, BrokerOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Host))
        {
            errors.Add($"{locator.Describe("Broker:Host")}: must name the broker host");
        }

        CheckRange(errors, "Broker:Port", options.Port, 1, 65535);
        CheckRange(errors, "Broker:KeepAliveSeconds", options.KeepAliveSeconds, 5, 65535);
        if (options.CaFile is { Length: > 0 } ca && !files.FileExists(ca))
        {
            errors.Add($"{locator.Describe("Broker:CaFile")}: file '{ca}' not found{files.Where(ca)}");
        }

        return Result(errors);
    }

    public ValidateOptionsResult Validate(string? name, SourceOptions options)
    {
        var errors = new List<string>();
        if (options.Kind == "simulated")
        {
            if (!SimulationProfiles.Names.Contains(options.Profile))
            {
                errors.Add($"{locator.Describe("Source:Profile")}: '{options.Profile}' is not one of {string.Join(", ", SimulationProfiles.Names)}");
            }
        }
        else if (options.Kind == "replay")
        {
            if (string.IsNullOrWhiteSpace(options.Path) || !files.FileExists(Path.Combine(options.Path, "manifest.json")))
            {
                errors.Add($"{locator.Describe("Source:Path")}: '{options.Path}' is not a replay folder (no manifest.json){files.Where(options.Path ?? string.Empty)}");
            }

            if (options.Speed is <= 0 or > 100)
            {
                errors.Add($"{locator.Describe("Source:Speed")}: {options.Speed} is outside 0 < speed <= 100");
            }
        }
        else if (options.Kind == "camera")
        {
            CheckCamera(errors, options);
        }
        else if (options.Kind == "sensor")
        {
            CheckSensor(errors, options);
        }
        else
        {
            errors.Add($"{locator.Describe("Source:Kind")}: '{options.Kind}' is not a known source; use 'simulated', 'replay', 'camera' or 'sensor'");
        }

        if (options.SampleHz is <= 0 or > 1000)
        {
            errors.Add($"{locator.Describe("Source:SampleHz")}: {options.SampleHz} is outside 0 < hz <= 1000");
        }

        return Result(errors);
    }

    private void CheckCamera(List<string> errors, SourceOptions options)
    {
        var camera = options.Camera;
        foreach (var (key, problem) in camera.Check())
        {
            errors.Add($"{locator.Describe($"Source:Camera:{key}")}: {problem}");
        }

        ReplayOnly(errors, options, "a camera");

        // Frames arriving between two ticks wait in the queue; one spare frame absorbs a late tick.
        var perTick = (int)Math.Ceiling(camera.Fps / options.SampleHz);
        if (options.SampleHz > 0 && camera.QueueFrames is >= 1 and <= 1000 && camera.QueueFrames <= perTick)
        {
            errors.Add($"{locator.Describe("Source:Camera:QueueFrames")}: {camera.QueueFrames} frames would drop frames between ticks ({camera.Fps} fps at Source:SampleHz {options.SampleHz}); use at least {perTick + 1} or raise Source:SampleHz");
        }
    }

    private void CheckSensor(List<string> errors, SourceOptions options)
    {
        // A SampleHz out of range is reported below on its own; NaN leaves the chip's tick checks out rather than repeat it.
        var tickHz = options.SampleHz is > 0 and <= 1000 ? options.SampleHz : double.NaN;
        foreach (var (key, problem) in options.Sensor.Check(tickHz))
        {
            errors.Add($"{locator.Describe($"Source:{key}")}: {problem}");
        }

        ReplayOnly(errors, options, "a sensor");
    }

    private void ReplayOnly(List<string> errors, SourceOptions options, string source)
    {
        if (options.Labelled)
        {
            errors.Add($"{locator.Describe("Source:Labelled")}: labelled evaluation scores against a replay's ground truth, and {source} has none; use kind: replay for it");
        }
    }

    public ValidateOptionsResult Validate(string? name, OutboxOptions options)
    {
        var errors = new List<string>();
        if (options.MaxBytes is < 4096 or > 1L << 40)
        {
            errors.Add($"{locator.Describe("Outbox:MaxBytes")}: {options.MaxBytes} is outside 4096..{1L << 40}");
        }

        CheckRange(errors, "Outbox:MaxAgeMinutes", options.MaxAgeMinutes, 1, 365 * 24 * 60);
        CheckRange(errors, "Outbox:CheckpointEvery", options.CheckpointEvery, 1, 100_000);
        return Result(errors);
    }

    private void CheckId(List<string> errors, string key, string value)
    {
        if (Identifiers.Check(value) is { } why)
        {
            errors.Add($"{locator.Describe(key)}: {why}");
        }
    }

    private void CheckRange(List<string> errors, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add($"{locator.Describe(key)}: {value} is outside {min}..{max}");
        }
    }

    private static ValidateOptionsResult Result(List<string> errors) =>
        errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
}
