using GzAiEdge.Scenarios.Catalogue;

namespace GzAiEdge.Testing;

/// <summary>
/// A copy of the sample catalogue with more devices listed under its scenarios (<see cref="CatalogueWriter"/>), for tests
/// and benches whose devices the sample does not list: ingestion dead-letters a report from a device its scenario does
/// not list. The cloud reads the sample's scenario types beside it.
/// </summary>
public static class ListedCatalogue
{
    /// <summary>The sample catalogue the copies start from.</summary>
    public static string Sample => RepoPaths.Combine("firmware-configs", "scenarios", "catalogue.yaml");

    /// <summary>Writes the sample with <paramref name="devices"/> listed too to <paramref name="path"/>; returns the cloud arguments that load it.</summary>
    public static string[] Write(string path, IEnumerable<(string Scenario, string Site, string Device)> devices)
    {
        CatalogueWriter.WriteWithDevices(Sample, devices, path);
        return CloudArguments(path);
    }

    /// <summary>The cloud arguments that load the catalogue at <paramref name="path"/> with the sample's scenario types.</summary>
    public static string[] CloudArguments(string path) =>
        [$"--Catalogue:Path={path}", $"--Evaluation:TypesPath={RepoPaths.Combine("firmware-configs", "scenarios", "types")}"];
}
