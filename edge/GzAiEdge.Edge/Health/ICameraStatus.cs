using GzAiEdge.Contracts.Messages;

namespace GzAiEdge.Edge.Health;

/// <summary>
/// What a camera source tells the heartbeat. Registered in the container by the source that owns a camera;
/// without one the heartbeat carries no camera state.
/// </summary>
public interface ICameraStatus
{
    /// <summary>The camera's state now; frames per second since the previous call.</summary>
    CameraHealth Read();
}
