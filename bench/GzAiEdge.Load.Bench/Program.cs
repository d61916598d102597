using GzAiEdge.Load.Bench;

// ./gz bench ingest | publish | fleet | scaleout (scripts/bench.sh); docs/benchmarks.md says what each measures.
return await BenchCommands.Create().Parse(args).InvokeAsync();
