using System.Text.Json.Serialization;

namespace GzAiEdge.Devices.Replay;

/// <summary>
/// <c>manifest.json</c> of a replay folder (written by models/make_models.py): what the data file holds
/// and, for labelled replay, the ground truth.
/// </summary>
public sealed record ReplayManifest
{
    /// <summary><c>frames</c>, <c>images</c> or <c>signal</c>.</summary>
    public required string Kind { get; init; }

    /// <summary><c>rgb24-delta-gzip</c>, <c>rgb24-gzip</c> or <c>f32le-gzip</c>.</summary>
    public required string Encoding { get; init; }

    public required string File { get; init; }

    public int Width { get; init; }

    public int Height { get; init; }

    public double FramesPerSecond { get; init; }

    public double SampleHz { get; init; }

    public int Count { get; init; }

    public IReadOnlyList<string> Classes { get; init; } = [];

    public IReadOnlyList<string> Channels { get; init; } = [];

    /// <summary>Frames: boxes per frame as [class, x1, y1, x2, y2]; images: one class per image. Absent when unlabelled.</summary>
    public System.Text.Json.JsonElement? Labels { get; init; }

    /// <summary>Signals: labelled episodes (fault, abnormal vital signs) in seconds from the start.</summary>
    public IReadOnlyList<ReplayEvent> Events { get; init; } = [];

    /// <summary>Frames: y of the counting line in frame pixels.</summary>
    public double CountingLineY { get; init; }
}

/// <summary>A labelled episode in a signal replay, from <see cref="Start"/> (inclusive) to <see cref="End"/> seconds.</summary>
public sealed record ReplayEvent(double Start, double End, string Kind)
{
    public bool Contains(double seconds) => seconds >= Start && seconds < End;
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(ReplayManifest))]
internal sealed partial class ReplayJsonContext : JsonSerializerContext;
