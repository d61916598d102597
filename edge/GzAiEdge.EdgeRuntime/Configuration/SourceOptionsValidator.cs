using GzAiEdge.EdgeRuntime.Simulation;
using Microsoft.Extensions.Options;

namespace GzAiEdge.EdgeRuntime.Configuration;

/// <summary>Checks where samples come from (section <c>Source</c>): simulation, replay, camera or sensor, naming file, line and key.</summary>
public sealed class SourceOptionsValidator(ConfigurationLocator locator, DeviceFiles files) : IValidateOptions<SourceOptions>
{
    public ValidateOptionsResult Validate(string? name, SourceOptions options)
    {
        var errors = new OptionErrors(locator);
        if (options.Kind == "simulated")
        {
            if (!SimulationProfiles.Names.Contains(options.Profile))
            {
                errors.Add("Source:Profile", $"'{options.Profile}' is not one of {string.Join(", ", SimulationProfiles.Names)}");
            }
        }
        else if (options.Kind == "replay")
        {
            if (string.IsNullOrWhiteSpace(options.Path) || !files.FileExists(Path.Combine(options.Path, "manifest.json")))
            {
                errors.Add("Source:Path", $"'{options.Path}' is not a replay folder (no manifest.json){files.Where(options.Path ?? string.Empty)}");
            }

            // 3600: an hourly meter replay at one reading a second, the slowest input a pipeline takes (load-forecasting).
            if (options.Speed is <= 0 or > 3600)
            {
                errors.Add("Source:Speed", $"{options.Speed} is outside 0 < speed <= 3600");
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
            errors.Add("Source:Kind", $"'{options.Kind}' is not a known source; use 'simulated', 'replay', 'camera' or 'sensor'");
        }

        if (options.SampleHz is <= 0 or > 1000)
        {
            errors.Add("Source:SampleHz", $"{options.SampleHz} is outside 0 < hz <= 1000");
        }

        return errors.Result();
    }

    private static void CheckCamera(OptionErrors errors, SourceOptions options)
    {
        var camera = options.Camera;
        foreach (var (key, problem) in camera.Check())
        {
            errors.Add($"Source:Camera:{key}", problem);
        }

        ReplayOnly(errors, options, "a camera");

        // Frames arriving between two ticks wait in the queue; one spare frame absorbs a late tick.
        var perTick = (int)Math.Ceiling(camera.Fps / options.SampleHz);
        if (options.SampleHz > 0 && camera.QueueFrames is >= 1 and <= 1000 && camera.QueueFrames <= perTick)
        {
            errors.Add("Source:Camera:QueueFrames", $"{camera.QueueFrames} frames would drop frames between ticks ({camera.Fps} fps at Source:SampleHz {options.SampleHz}); use at least {perTick + 1} or raise Source:SampleHz");
        }
    }

    private static void CheckSensor(OptionErrors errors, SourceOptions options)
    {
        // A SampleHz out of range is reported below on its own; NaN leaves the chip's tick checks out rather than repeat it.
        var tickHz = options.SampleHz is > 0 and <= 1000 ? options.SampleHz : double.NaN;
        foreach (var (key, problem) in options.Sensor.Check(tickHz))
        {
            errors.Add($"Source:{key}", problem);
        }

        ReplayOnly(errors, options, "a sensor");
    }

    private static void ReplayOnly(OptionErrors errors, SourceOptions options, string source)
    {
        if (options.Labelled)
        {
            errors.Add("Source:Labelled", $"labelled evaluation scores against a replay's ground truth, and {source} has none; use kind: replay for it");
        }
    }
}
