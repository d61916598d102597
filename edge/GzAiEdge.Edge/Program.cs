using GzAiEdge.EdgeRuntime;
using GzAiEdge.EdgeRuntime.Commands;
using GzAiEdge.EdgeRuntime.Configuration;
using GzAiEdge.EdgeRuntime.Health;
using GzAiEdge.EdgeRuntime.Hosting;
using GzAiEdge.EdgeRuntime.Metrics;
using GzAiEdge.EdgeRuntime.Pipeline;
using GzAiEdge.EdgeRuntime.Publishing;
using GzAiEdge.EdgeRuntime.Sources;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

IHost host;
try
{
    // appsettings.json ships beside the binary; the working directory is the operator's.
    var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
    builder.AddEdgeConfiguration(args);
    builder.AddSources();
    builder.AddPipeline();
    builder.AddOutbox();
    builder.AddPublisher();
    builder.AddEdgeCommands();
    builder.AddEdgeHealth();
    builder.AddSystemdNotify();
    builder.AddEdgeMetrics();
    host = builder.Build();
    host.Services.ValidateEdgeConfiguration();
}
catch (Exception ex) when (ex is OptionsValidationException or InvalidDataException or FileNotFoundException or Microsoft.Data.Sqlite.SqliteException)
{
    // A config mistake is for the operator to fix: say what and where, without a stack trace.
    var lines = ex is OptionsValidationException invalid ? invalid.Failures : [ex.Message];
    Console.Error.WriteLine("gz edge: the configuration cannot be used:");
    foreach (var line in lines)
    {
        Console.Error.WriteLine($"  {line}");
    }

    return 2;
}

using (host)
{
    await host.RunAsync();
}

return 0;
