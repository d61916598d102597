using GzAiEdge.Devices.Sources;

namespace GzAiEdge.EdgeRuntime.Pipeline.Inference;

/// <summary>
/// An image model over a frame source (camera or replay): each tick runs every frame the source released,
/// oldest first. Frames are letterboxed to the size the model was bound at.
/// </summary>
public abstract class FramePipeline : ModelPipeline
{
    private readonly IFrameSource _frames;

    private protected FramePipeline(ModelRunner runner, IFrameSource frames, IEnumerable<WindowKpi> kpis)
        : base(runner, frames, kpis)
    {
        _frames = frames;
        (InputHeight, InputWidth) = ImageInput.Size(runner);
    }

    private protected FrameFormat Format => _frames.Format;

    private protected int InputWidth { get; }

    private protected int InputHeight { get; }

    private protected override void Step(DateTimeOffset time, double seconds, List<Sample> samples)
    {
        _frames.Advance(time, TimeSpan.FromSeconds(seconds));
        while (_frames.TryRead(out var frame))
        {
            Run(frame, time, samples);
            Settled(1, 1);
        }
    }

    /// <summary>Runs the model on <paramref name="frame"/>, adding its samples at the tick's <paramref name="time"/>.</summary>
    private protected abstract void Run(in Frame frame, DateTimeOffset time, List<Sample> samples);
}
