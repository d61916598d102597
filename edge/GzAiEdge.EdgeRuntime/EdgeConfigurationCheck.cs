using GzAiEdge.Configuration;
using GzAiEdge.EdgeRuntime.Configuration;
using GzAiEdge.EdgeRuntime.Pipeline;
using GzAiEdge.EdgeRuntime.Publishing;
using GzAiEdge.Inference;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GzAiEdge.EdgeRuntime;

public static class EdgeConfigurationCheck
{
    // The host's own logging section, which no options type binds.
    private const string Logging = "Logging";

    /// <summary>
    /// Resolves everything the device config decides, so that a bad config is reported before the
    /// host starts. Throws <see cref="OptionsValidationException"/> (each failure names file, line
    /// and key) or <see cref="InvalidDataException"/> (a bad signing key, a corrupt legacy sequence file),
    /// or <see cref="Microsoft.Data.Sqlite.SqliteException"/> (an outbox that cannot be opened); a model, camera or
    /// sensor that cannot be opened is an <see cref="InvalidDataException"/> naming the key that places it.
    /// </summary>
    public static void ValidateEdgeConfiguration(this IServiceProvider services)
    {
        CheckOptions(services).ThrowIfAny("edge configuration", typeof(EdgeOptions));
        services.GetRequiredService<Outbox>();

        // Loads the model (and the ONNX Runtime library) and opens a sensor now, so that a model that cannot run,
        // or a bus or chip that is not there, stops the start.
        services.GetRequiredService<PipelineHost>();
    }

    /// <summary>
    /// Every mistake the option validators find, in every section, each as <c>file:line (Key): what is wrong</c>,
    /// then every key the worker does not read (a misspelt key would silently keep its default), each with the key
    /// it most likely meant (<c>gz config validate</c> prints the same list).
    /// </summary>
    public static IReadOnlyList<string> OptionFailures(this IServiceProvider services) => CheckOptions(services).Items;

    private static ConfigurationFailures CheckOptions(IServiceProvider services) => new ConfigurationFailures()
        .Check<EdgeOptions>(services)
        .Check<BrokerOptions>(services)
        .Check<SourceOptions>(services)
        .Check<OutboxOptions>(services)
        .Check<PipelineOptions>(services)
        .Check<InferenceOptions>(services)
        .Check<CommandOptions>(services)
        .Check<BoardOptions>(services)
        .Check<HealthOptions>(services)
        .Check<Metrics.MetricsOptions>(services)
        .Check<EvidenceOptions>(services)
        .CheckKeys(services, services.GetRequiredService<ConfigurationLocator>().Describe)
        .Add(UnknownSections(services));

    // Every top-level key of a device file is a section the worker reads, or the profile it names; a misspelt
    // section would be ignored whole. (A profile's own keys are checked when it is added.)
    private static IReadOnlyList<string> UnknownSections(IServiceProvider services)
    {
        var configuration = (IConfigurationRoot)services.GetRequiredService<IConfiguration>();
        if (configuration.Providers.OfType<YamlConfigurationProvider>().LastOrDefault() is not { } device)
        {
            return [];
        }

        string[] known = [.. services.GetServices<BoundSection>().Select(s => s.Section), DeviceConfiguration.ProfileKey, Logging];
        return UnknownKeys.FindSections(device.TopLevelKeys, known, services.GetRequiredService<ConfigurationLocator>().Describe);
    }
}
