using GzAiEdge.Devices.Camera;
using GzAiEdge.Devices.Sources.Sensors;

namespace GzAiEdge.EdgeRuntime.Configuration;

/// <summary>Where samples come from (config section <c>Source</c>).</summary>
// Setters, not init: the configuration binding source generator silently skips init-only properties.
public sealed record SourceOptions
{
    public const string Section = "Source";

    /// <summary>
    /// <c>simulated</c> (no model), <c>replay</c> (recorded frames or signals through the <c>Pipeline</c> model),
    /// <c>camera</c> (live frames from <see cref="Camera"/> through an image model) or <c>sensor</c> (a chip on an I2C
    /// bus or a GPIO line, <see cref="Sensor"/>, through the pipeline its chip feeds).
    /// </summary>
    public string Kind { get; set; } = "simulated";

    /// <summary>For the simulated source: <c>traffic</c>, <c>manufacturing</c> or <c>medical</c>.</summary>
    public string Profile { get; set; } = string.Empty;

    /// <summary>Seed of the simulation, so that a run can be repeated.</summary>
    public int Seed { get; set; }

    /// <summary>
    /// Ticks per second: samples of a simulation; a replay runs whatever inputs fell due since the last tick, a camera
    /// the frames that arrived, a sensor what its FIFO holds (often enough that it never fills) or one measurement.
    /// </summary>
    public double SampleHz { get; set; } = 5;

    /// <summary>Replay: the folder holding <c>manifest.json</c> and its data (models/replay/…).</summary>
    public string? Path { get; set; }

    /// <summary>Replay: times faster than real time, up to 3600 (demos of slow signals, an hourly meter at a reading a second; per-hour KPIs then count wall time).</summary>
    public double Speed { get; set; } = 1;

    /// <summary>Replay: also score the model against the replay's ground truth (labelled evaluation mode).</summary>
    public bool Labelled { get; set; }

    /// <summary>Camera: what to open (ffmpeg or GStreamer input, frame size and rate, stall and restart timing).</summary>
    public CameraOptions Camera { get; set; } = new();

    /// <summary>Sensor: the chip, where it is wired and its settings.</summary>
    public SensorOptions Sensor { get; set; } = new();
}
