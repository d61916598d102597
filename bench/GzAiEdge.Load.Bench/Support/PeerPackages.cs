namespace GzAiEdge.Load.Bench.Support;

/// <summary>The peers' npm packages, which scripts/bench.sh installs from bench/peers/package-lock.json.</summary>
public static class PeerPackages
{
    public static void Require()
    {
        if (!File.Exists(Path.Combine(BenchPaths.Peers, "node_modules", "mqtt", "package.json")))
        {
            throw new InvalidOperationException($"MQTT.js is not installed in {BenchPaths.Peers}; run ./gz bench (it runs npm ci there) or: cd bench/peers && npm ci --ignore-scripts");
        }
    }
}
