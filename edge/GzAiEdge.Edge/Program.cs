using GzAiEdge.Edge;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.AddEdgeConfiguration(args);
builder.AddEdgePipeline();
await builder.Build().RunAsync();
