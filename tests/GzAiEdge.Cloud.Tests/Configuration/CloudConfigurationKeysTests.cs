using GzAiEdge.Cloud.Catalogue;
using GzAiEdge.Configuration;
using GzAiEdge.DeviceManagement.Commands;
using GzAiEdge.DeviceManagement.Models;
using GzAiEdge.Evaluation;
using GzAiEdge.Evaluation.Verification;
using GzAiEdge.Ingestion;
using GzAiEdge.Ingestion.DeadLetters;
using GzAiEdge.Monitoring.Alerts;
using GzAiEdge.Monitoring.Live;
using GzAiEdge.Testing;
using GzAiEdge.TimeSeries;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GzAiEdge.Cloud.Tests.Configuration;

/// <summary>The cloud's sections, registered as its Program.cs registers them, and the keys it reads in them.</summary>
public sealed class CloudConfigurationKeysTests
{
    [Fact]
    public void Every_list_option_of_every_section_the_cloud_binds_is_exactly_what_was_configured()
    {
        var (mismatches, _) = ListOptionsBinding.Check(Register);

        // No cloud options type holds a list today; one that gets one is bound and checked here without naming it.
        Assert.Empty(mismatches);
    }

    [Fact]
    public void A_key_no_bound_section_knows_is_named_with_its_file_and_line_or_its_source_and_the_key_it_meant()
    {
        using var folder = new TempFolder();
        var json = folder.File("appsettings.json");
        File.WriteAllText(json, """
            {
              "Broker": {
                "Host": "127.0.0.1",
                "Prt": 1884,
                "Ingest": { "Usrname": "gz-ingest-1" }
              },
              "Logging": { "LogLevl": { "Default": "Warning" } },
              "Models": { "Path": "models", "Signing": { "Key": "k.pem" } }
            }
            """);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddJsonFile(json).AddCommandLine(["--Alerts:Enabeld=false"]);
        Register(builder);
        using var services = builder.Services.BuildServiceProvider();

        var failures = new ConfigurationFailures().CheckKeys(services).Items;

        // Logging is the host's, bound by no options type here: left alone.
        Assert.Equal(
        [
            $"{json}:4 (Broker:Prt): unknown key; did you mean 'Port'?",
            $"{json}:5 (Broker:Ingest:Usrname): unknown key; did you mean 'Username'?",
            "Alerts:Enabeld (from the command line): unknown key; did you mean 'Enabled'?",
            $"{json}:8 (Models:Signing): unknown key; the keys here are Path, ProgrammeKeyFile",
        ], failures);
    }

    private static void Register(IHostApplicationBuilder builder) => builder
        .AddScenarioCatalogue().AddTimeSeries().AddDeadLetters().AddIngestion().AddLiveFeed().AddAlerts()
        .AddEvaluation().AddVerification().AddModelRepository().AddDeviceCommands();
}
