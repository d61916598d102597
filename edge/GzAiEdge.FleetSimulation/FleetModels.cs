using System.Security.Cryptography;
using System.Text;
using GzAiEdge.Contracts.Messages;

namespace GzAiEdge.FleetSimulation;

/// <summary>
/// The model a simulated device names in its reports: one per pipeline, marked as simulated, with a
/// SHA-256 made from its name (there is no model file), so that evaluation sees which pipeline's
/// reports it scored.
/// </summary>
public static class FleetModels
{
    public static ModelInfo For(string pipeline)
    {
        var name = $"fleet-sim-{pipeline}";
        return new ModelInfo(name, "1.0", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name))));
    }
}
