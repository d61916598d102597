namespace GzAiEdge.Contracts.Messages;

/// <summary>What every message a device publishes carries: the contract version and who sent it.</summary>
public interface IDeviceMessage
{
    /// <summary>Contract version.</summary>
    int V { get; }

    /// <summary>Site id; must equal the topic's site level.</summary>
    string Site { get; }

    /// <summary>Device id; must equal the topic's device level.</summary>
    string Device { get; }
}
