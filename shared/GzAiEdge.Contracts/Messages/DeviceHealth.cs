namespace GzAiEdge.Contracts.Messages;

/// <summary>
/// How the device is doing, taken when its heartbeat is sent. Every field is optional: a reading the device
/// cannot take (no thermal zones on a VM, no camera, no model) is absent, never zero.
/// </summary>
public sealed record DeviceHealth
{
    /// <summary>CPU used by the worker since the last heartbeat, in percent of one core (as <c>top</c> shows it: up to 100 × <see cref="CpuCores"/>).</summary>
    public double? CpuProcessPercent { get; init; }

    /// <summary>CPU used by the whole system since the last heartbeat, in percent of all cores (0–100).</summary>
    public double? CpuSystemPercent { get; init; }

    /// <summary>Online CPU cores.</summary>
    public int? CpuCores { get; init; }

    /// <summary>The worker's resident memory.</summary>
    public long? MemoryRssBytes { get; init; }

    /// <summary>Memory the system can give to new work without swapping (Linux <c>MemAvailable</c>).</summary>
    public long? MemoryAvailableBytes { get; init; }

    /// <summary>The system's usable memory (Linux <c>MemTotal</c>).</summary>
    public long? MemoryTotalBytes { get; init; }

    /// <summary>Space the worker may still use on the file system of its state directory.</summary>
    public long? DiskFreeBytes { get; init; }

    /// <summary>Size of the file system of its state directory.</summary>
    public long? DiskTotalBytes { get; init; }

    /// <summary>Temperatures in degrees Celsius by name (<c>cpu</c>, <c>gpu</c>, … as the board profile names them).</summary>
    public IReadOnlyDictionary<string, double>? Temperatures { get; init; }

    /// <summary>Model runs per second since the last heartbeat; absent when the device runs no model.</summary>
    public double? InferencesPerSecond { get; init; }

    /// <summary>The camera, when the device has one.</summary>
    public CameraHealth? Camera { get; init; }
}

/// <summary>The state of a device's camera.</summary>
public sealed record CameraHealth
{
    /// <summary>A word for the camera's state, e.g. <c>streaming</c> or <c>reconnecting</c>.</summary>
    public required string State { get; init; }

    /// <summary>Frames received per second since the last heartbeat.</summary>
    public double? FramesPerSecond { get; init; }

    /// <summary>Frames dropped since the worker started.</summary>
    public long? FramesDropped { get; init; }
}
