using GzAiEdge.Inference.Bench;

// ./gz bench inference: median latency of our binding against onnxruntime-node on the same models, then
// managed bytes allocated per inference (BenchmarkDotNet's memory diagnoser).
return await InferenceBench.RunAsync(args);
