using System.Globalization;
using GzAiEdge.Inference.Bench;

// ./gz bench inference: median latency of our binding on NuGet's ONNX Runtime (the library every build ships) and on
// npm's 1.23.2 (what the project used before), and of onnxruntime-node on the same models; then managed bytes
// allocated per inference (BenchmarkDotNet's memory diagnoser).
// "latency LIBRARY MODEL RUNS" is one timing in a process of its own (InferenceBench starts it).
if (args is ["latency", var library, var model, var runs])
{
    Console.WriteLine(Latency.MedianMicroseconds(library, model, int.Parse(runs, CultureInfo.InvariantCulture)).ToString("R", CultureInfo.InvariantCulture));
    return 0;
}

return await InferenceBench.RunAsync(args);
