using GzAiEdge.FleetSimulation;
using GzAiEdge.Scenarios.Programmes;
using GzAiEdge.Testing;

namespace GzAiEdge.FleetSimulation.Tests;

/// <summary>The shipped catalogue and scenario types, loaded once for the tests.</summary>
internal static class Programmes
{
    private static readonly Lazy<Programme> Shipped = new(() => FleetBuilder.LoadProgramme(RepoPaths.Combine("firmware-configs", "scenarios", "catalogue.yaml")));

    public static Programme Catalogue => Shipped.Value;
}
