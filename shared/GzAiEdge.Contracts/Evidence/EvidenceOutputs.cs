using GzAiEdge.Contracts.Messages;

namespace GzAiEdge.Contracts.Evidence;

/// <summary>
/// What the field pipeline produced for one input, as the device's evidence ring keeps it and an <c>evidence.fetch</c>
/// upload carries it: a detector's boxes (model-input pixels), a classifier's class scores and decision, an anomaly
/// model's reconstruction error against its threshold. Only the members of the input's pipeline are set.
/// </summary>
public sealed record EvidenceOutputs
{
    /// <summary>Whether the pipeline's own output counted the input as positive (a box, a defect, an abnormal window, an anomaly): the stratum a sample is drawn from.</summary>
    public required bool Positive { get; init; }

    /// <summary>Detections at the operating threshold, in model-input pixels (detection pipelines).</summary>
    public IReadOnlyList<AuditBox>? Boxes { get; init; }

    /// <summary>Class names, in the order of <see cref="Scores"/> (classification pipelines).</summary>
    public IReadOnlyList<string>? Classes { get; init; }

    /// <summary>Class scores (classification pipelines).</summary>
    public IReadOnlyList<double>? Scores { get; init; }

    /// <summary>The index in <see cref="Classes"/> the pipeline decided on (classification pipelines).</summary>
    public int? Decision { get; init; }

    /// <summary>Reconstruction error (anomaly pipelines).</summary>
    public double? Error { get; init; }

    /// <summary>The operating threshold the decision was taken at (score for boxes and classes, error for anomalies).</summary>
    public double? Threshold { get; init; }
}

/// <summary>
/// How an evidence input is stored: an image (<see cref="Png"/>, model-input resolution) or a raw window of float32
/// little-endian samples with channels interleaved (<see cref="Window"/>).
/// </summary>
/// <param name="MediaType">One of <see cref="Png"/>, <see cref="Window"/>.</param>
/// <param name="Width">Image width in pixels; 0 for a window.</param>
/// <param name="Height">Image height in pixels; 0 for a window.</param>
/// <param name="Samples">Samples per channel of a window; 0 for an image.</param>
/// <param name="Channels">Channels of a window (3 for an RGB image).</param>
/// <param name="SampleHz">Sample rate of a window; 0 for an image.</param>
public sealed record EvidenceShape(string MediaType, int Width, int Height, int Samples, int Channels, double SampleHz)
{
    /// <summary>A PNG image.</summary>
    public const string Png = "image/png";

    /// <summary>Raw float32 little-endian samples, channels interleaved.</summary>
    public const string Window = "application/x-gz-window-f32le";

    /// <summary>An image of <paramref name="width"/> × <paramref name="height"/> RGB pixels, stored as PNG.</summary>
    public static EvidenceShape OfImage(int width, int height) => new(Png, width, height, 0, 3, 0);

    /// <summary>A window of <paramref name="samples"/> × <paramref name="channels"/> values at <paramref name="sampleHz"/>.</summary>
    public static EvidenceShape OfWindow(int samples, int channels, double sampleHz) => new(Window, 0, 0, samples, channels, sampleHz);
}
