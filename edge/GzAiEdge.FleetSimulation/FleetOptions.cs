namespace GzAiEdge.FleetSimulation;

/// <summary>What <c>gz fleet</c> was asked to run.</summary>
/// <param name="Devices">How many devices.</param>
/// <param name="Host">Broker host.</param>
/// <param name="Port">Broker port.</param>
/// <param name="Window">KPI window length (reports per device: one per window).</param>
/// <param name="Heartbeat">Time between heartbeats.</param>
/// <param name="SampleHz">Simulation ticks per second (all devices share one clock).</param>
/// <param name="Duration">Stop after this long; null runs until Ctrl-C.</param>
/// <param name="Credentials">A <c>gz provision</c> folder with the devices' broker users and keys, or null for an anonymous broker.</param>
/// <param name="State">Folder for chain heads (and generated keys).</param>
/// <param name="Catalogue">Scenario catalogue; the types folder beside it.</param>
/// <param name="CaFile">PEM CA for TLS when the credentials do not name one.</param>
/// <param name="CheckpointEvery">A signed checkpoint every this many reports.</param>
/// <param name="ConnectParallel">Connects in progress at once.</param>
/// <param name="StatsInterval">Time between stats lines.</param>
/// <param name="Json">Stats as JSON lines (for ./gz bench fleet).</param>
/// <param name="ExactHeap">Collect garbage before each stats line, so the managed heap shown is what is live.</param>
/// <param name="AllowPlaintext">Let devices without a CA connect without TLS (an explicit opt-out, said at start).</param>
public sealed record FleetOptions(
    int Devices, string Host, int Port, TimeSpan Window, TimeSpan Heartbeat, double SampleHz, TimeSpan? Duration,
    string? Credentials, string State, string Catalogue, string? CaFile, int CheckpointEvery, int ConnectParallel,
    TimeSpan StatsInterval, bool Json, bool ExactHeap, bool AllowPlaintext = false);
