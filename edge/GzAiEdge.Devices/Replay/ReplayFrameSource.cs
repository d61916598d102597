using GzAiEdge.Devices.Sources;

namespace GzAiEdge.Devices.Replay;

/// <summary>
/// Plays the frames or images of a replay at their recorded rate times <c>speed</c>, looping. Frames point into
/// the loaded replay: nothing is copied or allocated per frame.
/// </summary>
public sealed class ReplayFrameSource : ReplaySource, IFrameSource
{
    /// <exception cref="InvalidDataException">The replay holds a signal, not frames or images, or gives no frame rate.</exception>
    public ReplayFrameSource(ReplayData replay, double speed = 1)
        : base(replay, replay.Manifest.FramesPerSecond, speed)
    {
        if (replay.Manifest.Kind is not ("frames" or "images"))
        {
            throw new InvalidDataException($"replay {replay.Folder} holds {replay.Manifest.Kind}; a frame source needs frames or images");
        }

        if (replay.Manifest.FramesPerSecond is <= 0 or > 1000)
        {
            throw new InvalidDataException($"replay {replay.Folder}: framesPerSecond {replay.Manifest.FramesPerSecond} is outside 0 < fps <= 1000");
        }

        Format = new FrameFormat(replay.Manifest.Width, replay.Manifest.Height, replay.Manifest.FramesPerSecond);
    }

    public FrameFormat Format { get; }

    public bool TryRead(out Frame frame)
    {
        if (Pending <= 0)
        {
            frame = default;
            return false;
        }

        var sequence = Next;
        var (index, time) = Take();
        frame = new Frame(Replay.Bytes.AsMemory(index * Format.FrameBytes, Format.FrameBytes), sequence, index, time);
        return true;
    }
}
