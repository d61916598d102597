using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using GzAiEdge.HotPath.Bench;

// dotnet run -c Release --project bench/GzAiEdge.HotPath.Bench -- --filter '*'   (BenchmarkDotNet micro-benchmarks)
// dotnet run -c Release --project bench/GzAiEdge.HotPath.Bench -- ingest [reports] [devices] [runs] [-- cloud args]
// dotnet run -c Release --project bench/GzAiEdge.HotPath.Bench -- cpu [iterations]   (the same benchmarks by thread CPU time)
// dotnet run -c Release --project bench/GzAiEdge.HotPath.Bench -- mqtt [messages] [runs] [idle clients]
if (args.Length > 0 && args[0] == "cpu")
{
    return CpuTimes.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200_000);
}

if (args.Length > 0 && args[0] == "mqtt")
{
    int Number(int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;
    return await MqttProbe.RunAsync(Number(1, 200_000), Number(2, 3), Number(3, 1000));
}

if (args.Length > 0 && args[0] == "ingest")
{
    var split = Array.IndexOf(args, "--");
    var own = split < 0 ? args[1..] : args[1..split];
    int Arg(int i, int fallback) => own.Length > i ? int.Parse(own[i], CultureInfo.InvariantCulture) : fallback;
    return await IngestProbe.RunAsync(Arg(0, 200_000), Arg(1, 100), Arg(2, 3), split < 0 ? [] : args[(split + 1)..]);
}

// Reports go under .run/ (ignored by git) rather than into the working directory.
BenchmarkSwitcher.FromAssembly(typeof(IngestProbe).Assembly)
    .Run(args, DefaultConfig.Instance.WithArtifactsPath(Path.Combine(Directory.GetCurrentDirectory(), ".run", "bench", "hotpath")));
return 0;
