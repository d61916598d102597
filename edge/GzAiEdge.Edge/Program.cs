using GzAiEdge.Edge;
using Microsoft.Extensions.Hosting;

// appsettings.json ships beside the binary; the working directory is the operator's.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddEdgeConfiguration(args);
builder.AddEdgePipeline();
await builder.Build().RunAsync();
