namespace GzAiEdge.Monitoring.Live;

/// <summary>Shows an event on this instance's open live streams (the narrow side of <see cref="LiveHub"/>).</summary>
public interface ILiveEvents
{
    void Publish(LiveEvent liveEvent);
}
