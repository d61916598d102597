using GzAiEdge.Access;
using GzAiEdge.AuditLog;
using GzAiEdge.Audits;
using GzAiEdge.Configuration;
using GzAiEdge.DeviceManagement.Models;
using GzAiEdge.Evaluation;
using GzAiEdge.Ingestion;
using GzAiEdge.Ingestion.Broker;
using GzAiEdge.Monitoring.Alerts;
using GzAiEdge.Monitoring.Live;
using GzAiEdge.Scenarios.Catalogue;
using GzAiEdge.TimeSeries;

namespace GzAiEdge.Cloud.Hosting;

public static class CloudConfigurationCheck
{
    /// <summary>
    /// Resolves everything the cloud config decides, so that a bad config is reported before the host starts.
    /// Throws one <see cref="Microsoft.Extensions.Options.OptionsValidationException"/> naming each bad key, each key
    /// no bound section knows, and each catalogue or alert-rules mistake with its file and line.
    /// </summary>
    public static void ValidateCloudConfiguration(this IServiceProvider services)
    {
        var failures = new ConfigurationFailures()
            .Check<CatalogueOptions>(services)
            .Check<InfluxDbOptions>(services)
            .Check<CloudBrokerOptions>(services)
            .Check<IngestionOptions>(services)
            .Check<LiveFeedOptions>(services)
            .Check<AlertOptions>(services)
            .Check<EvaluationOptions>(services)
            .Check<ModelsOptions>(services)
            .Check<AuditsOptions>(services)
            .Check<AccessOptions>(services)
            .Check<AuditLogOptions>(services)
            .Check<ApiHardeningOptions>(services)
            .CheckKeys(services);
        // A missing catalogue file fails this and the options check with the same line; it is reported once.
        failures.Collect(services.GetRequiredService<ScenarioCatalogue>, ex => ex is CatalogueException ? ex.Message.Split(Environment.NewLine) : null);
        failures.ThrowIfAny("cloud configuration", typeof(CatalogueOptions));
    }
}
