namespace GzAiEdge.Contracts.Topics;

/// <summary>The last segment of a v1 topic: what a message on it is.</summary>
public enum MessageKind
{
    /// <summary>A KPI report for one window (<c>kpi</c>).</summary>
    Kpi,

    /// <summary>Periodic device health (<c>heartbeat</c>).</summary>
    Heartbeat,

    /// <summary>Something that happened on the device (<c>event</c>).</summary>
    Event,

    /// <summary>Retained online/offline state, also the last will (<c>state</c>).</summary>
    State,

    /// <summary>A command from the cloud to the device (<c>cmd</c>).</summary>
    Cmd,

    /// <summary>A signed attestation of the device's chain head (<c>checkpoint</c>).</summary>
    Checkpoint,
}
