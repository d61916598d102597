using GzAiEdge.EdgeRuntime.Configuration;
using GzAiEdge.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GzAiEdge.EdgeRuntime.Tests.Configuration;

/// <summary>
/// The worker's configuration and pipeline services over a device config file, wired as the host wires them. Below
/// the file lies <c>Broker:AllowPlaintext: true</c>: the configs here test other sections and name no CA, and a file
/// that sets the key wins (<c>BrokerOptionsTests</c> checks the TLS rule itself).
/// </summary>
internal static class DeviceConfig
{
    private static readonly KeyValuePair<string, string?>[] PlaintextAllowed = [new("Broker:AllowPlaintext", "true")];

    /// <summary>Writes <paramref name="yaml"/> as <c>device.yaml</c> in <paramref name="folder"/>; returns its path.</summary>
    public static string Write(TempFolder folder, string yaml)
    {
        var path = folder.File("device.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    public static ServiceProvider Build(string path, params string[] overrides) => Build(path, files: null, overrides);

    /// <summary>As the worker, but looking for the files the config names under <paramref name="files"/>'s root.</summary>
    public static ServiceProvider Build(string path, DeviceFiles? files, params string[] overrides)
    {
        string[] args = ["--config", path, .. overrides];
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(PlaintextAllowed);
        builder.Configuration.AddCommandLine(args);
        builder.AddEdgeConfiguration(args);
        if (files is not null)
        {
            builder.Services.AddSingleton(files);
        }

        builder.AddEdgeRuntime();
        return builder.Services.BuildServiceProvider();
    }

    /// <summary>As the worker, with <paramref name="replace"/> swapping services for the test's (a board's ports, the clock).</summary>
    public static ServiceProvider Build(string path, Action<IServiceCollection> replace)
    {
        string[] args = ["--config", path];
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(PlaintextAllowed);
        builder.AddEdgeConfiguration(args);
        builder.AddEdgeRuntime();
        replace(builder.Services);
        return builder.Services.BuildServiceProvider();
    }

    /// <summary>The device file over profiles from <paramref name="profiles"/>; returns the profile problems instead of throwing.</summary>
    public static (ServiceProvider Services, IReadOnlyList<string> Problems) Build(string path, DeviceProfiles profiles)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(PlaintextAllowed);
        var problems = DeviceConfiguration.Add(builder.Configuration, path, profiles);
        builder.AddDeviceSettings();
        builder.AddEdgeRuntime();
        return (builder.Services.BuildServiceProvider(), problems);
    }
}
