using System.Threading.Channels;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Devices.Sources.Sensors;
using GzAiEdge.EdgeRuntime.Configuration;
using GzAiEdge.EdgeRuntime.Health;
using GzAiEdge.EdgeRuntime.Hosting;
using GzAiEdge.EdgeRuntime.Pipeline;
using GzAiEdge.EdgeRuntime.Publishing;
using GzAiEdge.EdgeRuntime.Services;
using GzAiEdge.Inference;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GzAiEdge.EdgeRuntime;

public static class EdgeServiceExtensions
{
    /// <summary>
    /// Adds the device config file named by <c>--config</c> or <c>GZ_EDGE_CONFIG</c>, if any, with the board
    /// profile it names below it. The file sits below environment variables and the command line, so that one
    /// value can be overridden (<c>--broker:port=1884</c>) without editing the file; what remote commands changed
    /// sits on top of all.
    /// </summary>
    /// <exception cref="InvalidDataException">The file names an unknown profile, or the profile sets what it may not.</exception>
    public static IHostApplicationBuilder AddEdgeConfiguration(this IHostApplicationBuilder builder, string[] args)
    {
        var path = builder.Configuration["config"] ?? Environment.GetEnvironmentVariable("GZ_EDGE_CONFIG");
        if (!string.IsNullOrEmpty(path))
        {
            var problems = DeviceConfiguration.Add(builder.Configuration, Path.GetFullPath(path), DeviceProfiles.Default);
            if (problems.Count > 0)
            {
                throw new InvalidDataException(string.Join(Environment.NewLine + "  ", problems));
            }

            builder.Configuration.AddEnvironmentVariables();
            builder.Configuration.AddCommandLine(args);
        }

        builder.Configuration.AddDeviceState();
        return builder;
    }

    /// <summary>
    /// Resolves everything the device config decides, so that a bad config is reported before the
    /// host starts. Throws <see cref="OptionsValidationException"/> (each failure names file, line
    /// and key) or <see cref="InvalidDataException"/> (a bad signing key, a corrupt legacy sequence file),
    /// or <see cref="Microsoft.Data.Sqlite.SqliteException"/> (an outbox that cannot be opened); a model, camera or
    /// sensor that cannot be opened is an <see cref="InvalidDataException"/> naming the key that places it.
    /// </summary>
    public static void ValidateEdgeConfiguration(this IServiceProvider services)
    {
        var failures = services.OptionFailures();
        if (failures.Count > 0)
        {
            throw new OptionsValidationException("edge configuration", typeof(EdgeOptions), failures);
        }

        services.GetRequiredService<Outbox>();

        // Loads the model (and the ONNX Runtime library) and opens a sensor now, so that a model that cannot run,
        // or a bus or chip that is not there, stops the start.
        services.GetRequiredService<PipelineHost>();
    }

    /// <summary>
    /// Every mistake the option validators find, in every section, each as <c>file:line (Key): what is wrong</c>
    /// (<c>gz config validate</c> prints the same list).
    /// </summary>
    public static IReadOnlyList<string> OptionFailures(this IServiceProvider services)
    {
        var failures = new List<string>();
        Collect(failures, () => services.GetRequiredService<IOptions<EdgeOptions>>().Value);
        Collect(failures, () => services.GetRequiredService<IOptions<BrokerOptions>>().Value);
        Collect(failures, () => services.GetRequiredService<IOptions<SourceOptions>>().Value);
        Collect(failures, () => services.GetRequiredService<IOptions<OutboxOptions>>().Value);
        Collect(failures, () => services.GetRequiredService<IOptions<PipelineOptions>>().Value);
        Collect(failures, () => services.GetRequiredService<IOptions<InferenceOptions>>().Value);
        Collect(failures, () => services.GetRequiredService<IOptions<CommandOptions>>().Value);
        Collect(failures, () => services.GetRequiredService<IOptions<BoardOptions>>().Value);
        Collect(failures, () => services.GetRequiredService<IOptions<HealthOptions>>().Value);
        return failures;
    }

    /// <summary>Adds the source → window → report → publish pipeline and its options.</summary>
    public static IHostApplicationBuilder AddEdgePipeline(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(new ConfigurationLocator(builder.Configuration));
        services.TryAddSingleton(new DeviceFiles());
        services.AddSingleton<EdgeOptionsValidator>();
        services.AddSingleton<IValidateOptions<EdgeOptions>>(sp => sp.GetRequiredService<EdgeOptionsValidator>());
        services.AddSingleton<IValidateOptions<BrokerOptions>>(sp => sp.GetRequiredService<EdgeOptionsValidator>());
        services.AddSingleton<IValidateOptions<SourceOptions>>(sp => sp.GetRequiredService<EdgeOptionsValidator>());
        services.AddSingleton<IValidateOptions<OutboxOptions>>(sp => sp.GetRequiredService<EdgeOptionsValidator>());
        services.AddOptions<EdgeOptions>().BindConfiguration(EdgeOptions.Section).ValidateOnStart();
        services.AddOptions<BrokerOptions>().BindConfiguration(BrokerOptions.Section).ValidateOnStart();
        services.AddOptions<SourceOptions>().BindConfiguration(SourceOptions.Section).ValidateOnStart();
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateOnStart();
        services.AddSingleton<PipelineOptionsValidator>();
        services.AddSingleton<IValidateOptions<PipelineOptions>>(sp => sp.GetRequiredService<PipelineOptionsValidator>());
        services.AddSingleton<IValidateOptions<InferenceOptions>>(sp => sp.GetRequiredService<PipelineOptionsValidator>());
        services.AddOptions<PipelineOptions>().BindConfiguration(PipelineOptions.Section).ValidateOnStart();
        services.AddOptions<InferenceOptions>().BindConfiguration(InferenceOptions.Section).ValidateOnStart();
        services.AddSingleton<ISensorPorts>(LinuxSensorPorts.Instance);
        services.AddSingleton<BoardOptionsValidator>();
        services.AddSingleton<IValidateOptions<BoardOptions>>(sp => sp.GetRequiredService<BoardOptionsValidator>());
        services.AddSingleton<IValidateOptions<HealthOptions>>(sp => sp.GetRequiredService<BoardOptionsValidator>());
        services.AddOptions<BoardOptions>().BindConfiguration(BoardOptions.Section).ValidateOnStart();
        services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.Section).ValidateOnStart();
        services.AddSingleton<SampleSourceFactory>();
        services.AddSingleton(sp => new PipelineHost(sp.GetRequiredService<SampleSourceFactory>().Create()));
        services.AddSingleton<PipelineLiveness>();

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            var edge = sp.GetRequiredService<IOptions<EdgeOptions>>().Value;
            var signer = edge.SigningKeyFile is { Length: > 0 } key ? DeviceSigner.FromPemFile(key) : null;
            return new Outbox(edge.StateDirectory, edge.Site, edge.Device, signer,
                sp.GetRequiredService<IOptions<OutboxOptions>>().Value, sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<ReportBuilder>();
        services.AddSingleton<EdgeConnection>();

        // Reports wait when the publisher is behind (never dropped); 1000 windows is hours of backlog.
        var reports = Channel.CreateBounded<KpiReport>(new BoundedChannelOptions(1000)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = true,
        });
        services.AddSingleton(reports.Reader);
        services.AddSingleton(reports.Writer);

        services.AddHostedService<PipelineService>();
        services.AddHostedService<PublisherService>();
        services.AddHostedService<HeartbeatService>();
        builder.AddEdgeCommands();
        builder.AddEdgeHealth();
        builder.AddSystemdNotify();
        return builder;
    }

    /// <summary>The heartbeat's health readings: /proc, the board's thermal zones, the state directory's disk.</summary>
    public static IHostApplicationBuilder AddEdgeHealth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp => new ThermalZones(sp.GetRequiredService<IOptions<HealthOptions>>().Value));
        builder.Services.AddSingleton<HealthSampler>();
        return builder;
    }

    /// <summary>
    /// sd_notify: READY, WATCHDOG, STATUS and STOPPING to the socket systemd names in <c>$NOTIFY_SOCKET</c>;
    /// nothing when it names none.
    /// </summary>
    /// <exception cref="InvalidDataException"><c>$WATCHDOG_USEC</c> is set but not a positive number.</exception>
    public static IHostApplicationBuilder AddSystemdNotify(this IHostApplicationBuilder builder)
    {
        var environment = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value, StringComparer.Ordinal);
        if (SystemdNotifier.FromEnvironment(environment, Environment.ProcessId) is { } notifier)
        {
            builder.Services.AddSingleton(notifier);
            builder.Services.AddHostedService<SystemdNotifyService>();
        }

        return builder;
    }

    // Every section is checked, so that one start reports every mistake, not only the first.
    private static void Collect(List<string> failures, Func<object> resolve)
    {
        try
        {
            resolve();
        }
        catch (OptionsValidationException ex)
        {
            failures.AddRange(ex.Failures);
        }
    }
}
