using GzAiEdge.Testing;

namespace GzAiEdge.Load.Bench.Support;

/// <summary>Where the bench finds what it starts: the peers' folder and the fleet simulator's build.</summary>
public static class BenchPaths
{
    public static string Peers => RepoPaths.Combine("bench", "peers");

    public static string FleetDll
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
            var path = RepoPaths.Combine("edge", "GzAiEdge.Fleet", "bin", configuration, "net10.0", "GzAiEdge.Fleet.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is not built; run ./gz build first", path);
        }
    }
}
