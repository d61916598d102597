namespace GzAiEdge.FleetSimulation.Devices;

/// <summary>What every device of the fleet shares: the broker, the keep-alive, the checkpoint period and the clock.</summary>
public sealed record FleetDeviceSettings(string Host, int Port, string? CaFile, int KeepAliveSeconds, int CheckpointEvery, TimeProvider Time);
