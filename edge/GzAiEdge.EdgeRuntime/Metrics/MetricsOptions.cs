namespace GzAiEdge.EdgeRuntime.Metrics;

/// <summary>The worker's Prometheus endpoint (config section <c>Metrics</c>): off unless a port is given.</summary>
// Setters, not init: the configuration binding source generator silently skips init-only properties.
public sealed record MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>TCP port of <c>http://Address:Port/metrics</c>; 0 (the default) serves no metrics.</summary>
    public int Port { get; set; }

    /// <summary>
    /// The address to listen on: loopback by default, so that only this board (a Prometheus agent on it, or an SSH
    /// tunnel) reads it; a site network's address exposes it to that network, unauthenticated.
    /// </summary>
    public string Address { get; set; } = "127.0.0.1";
}
