using GzAiEdge.Fleet;

// ./gz fleet: simulated devices for demos and load (docs/benchmarks.md has their memory per device).
return await FleetCommand.Create().Parse(args).InvokeAsync();
