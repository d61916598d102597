using Microsoft.Extensions.Logging;

namespace GzAiEdge.EdgeRuntime;

/// <summary>The worker's service-manager and health messages (event ids 2050–2069).</summary>
internal static partial class EdgeLog
{
    [LoggerMessage(2050, LogLevel.Information, "Told systemd the worker is ready ({Socket}; watchdog timeout {Watchdog})")]
    public static partial void SystemdReady(ILogger logger, string socket, TimeSpan? watchdog);

    [LoggerMessage(2051, LogLevel.Error, "The pipeline has not ticked for {Since}; no longer feeding the systemd watchdog (timeout {Watchdog}), which will restart the worker")]
    public static partial void PipelineStalled(ILogger logger, TimeSpan since, TimeSpan watchdog);

    [LoggerMessage(2052, LogLevel.Warning, "Could not notify systemd at {Socket}: {Reason}")]
    public static partial void SystemdNotifyFailed(ILogger logger, string socket, string reason);

    [LoggerMessage(2060, LogLevel.Information, "Health: reporting temperatures {Zones}")]
    public static partial void ThermalZonesFound(ILogger logger, string zones);
}
