using GzAiEdge.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GzAiEdge.Edge.Tests.Configuration;

/// <summary>The worker's configuration and pipeline services over a device config file, wired as the host wires them.</summary>
internal static class DeviceConfig
{
    /// <summary>Writes <paramref name="yaml"/> as <c>device.yaml</c> in <paramref name="folder"/>; returns its path.</summary>
    public static string Write(TempFolder folder, string yaml)
    {
        var path = folder.File("device.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    public static ServiceProvider Build(string path, params string[] overrides)
    {
        string[] args = ["--config", path, .. overrides];
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, DisableDefaults = true });
        builder.Configuration.AddCommandLine(args);
        builder.AddEdgeConfiguration(args);
        builder.AddEdgePipeline();
        return builder.Services.BuildServiceProvider();
    }
}
