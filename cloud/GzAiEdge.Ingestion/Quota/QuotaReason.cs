using GzAiEdge.Contracts.Topics;

namespace GzAiEdge.Ingestion.Quota;

/// <summary>How a dead letter says its message was over quota, and whose.</summary>
public static class QuotaReason
{
    /// <summary>Every over-quota dead letter's reason starts with this.</summary>
    public const string Prefix = "quota";

    /// <summary><c>site/device</c> of a device topic; null for any other.</summary>
    public static string? DeviceOf(string topic) =>
        GzTopic.TryParse(topic, out var parsed, out _) ? $"{parsed.Site}/{parsed.Device}" : null;
}
