namespace GzAiEdge.Devices.Sources;

/// <summary>Frames of one fixed size and rate: RGB24, <see cref="Width"/> × <see cref="Height"/> pixels, rows top to bottom.</summary>
public readonly record struct FrameFormat(int Width, int Height, double FramesPerSecond)
{
    /// <summary>Bytes of one frame: three per pixel (R, G, B), no row padding.</summary>
    public int FrameBytes => Width * Height * 3;
}

/// <summary>
/// One RGB24 frame. <see cref="Pixels"/> is the source's pooled buffer: valid until the next
/// <see cref="IFrameSource.TryRead"/> or until the source is disposed, so copy what must outlive that.
/// </summary>
/// <param name="Pixels">The frame's <see cref="FrameFormat.FrameBytes"/> bytes.</param>
/// <param name="Sequence">Frames the source produced before this one since it was opened (gaps are dropped frames).</param>
/// <param name="Index">
/// Position in the current run of consecutive frames: a replay's frame number within its loop (its labels are
/// by this number), a camera's frame number since its stream last (re)started. 0 marks a frame that does not
/// follow the one delivered before it.
/// </param>
/// <param name="Time">When the frame was taken: arrival on a monotonic clock mapped to UTC (camera), or when it fell due (replay).</param>
public readonly record struct Frame(ReadOnlyMemory<byte> Pixels, long Sequence, long Index, DateTimeOffset Time);

/// <summary>A source of RGB24 frames of one size: a camera, a video file, a replay.</summary>
public interface IFrameSource : ISource
{
    FrameFormat Format { get; }

    /// <summary>The next frame released by <see cref="ISource.Advance"/>, oldest first; false when none is left this tick.</summary>
    bool TryRead(out Frame frame);
}
