namespace GzAiEdge.EdgeRuntime.Configuration;

/// <summary>Bounds of the device's outbox and how often it signs a checkpoint (config section <c>Outbox</c>).</summary>
// Setters, not init: the configuration binding source generator silently skips init-only properties.
public sealed record OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Most payload bytes kept unacknowledged; past it the oldest are evicted (counted and reported).</summary>
    public long MaxBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Oldest a kept message may get, in minutes; older ones are evicted (counted and reported).</summary>
    public int MaxAgeMinutes { get; set; } = 7 * 24 * 60;

    /// <summary>A signed checkpoint of the chain head follows every this many reports (and one at shutdown).</summary>
    public int CheckpointEvery { get; set; } = 60;
}
