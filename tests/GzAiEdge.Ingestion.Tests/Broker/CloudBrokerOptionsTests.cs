using GzAiEdge.Ingestion.Broker;
using GzAiEdge.Testing;

namespace GzAiEdge.Ingestion.Tests.Broker;

/// <summary>The cloud's broker section: TLS or an explicit opt-out, one identity per job, each connection's options.</summary>
public sealed class CloudBrokerOptionsTests
{
    private readonly CloudBrokerOptionsValidator _validator = new();

    [Fact]
    public void Without_a_ca_the_start_fails_unless_plaintext_is_allowed()
    {
        var refused = _validator.Validate(null, new CloudBrokerOptions());
        var allowed = _validator.Validate(null, new CloudBrokerOptions { AllowPlaintext = true });

        var failure = Assert.Single(refused.Failures!);
        Assert.StartsWith("Broker:CaFile is not set, so the broker connections would not be encrypted", failure, StringComparison.Ordinal);
        Assert.Contains("Broker:AllowPlaintext = true", failure, StringComparison.Ordinal);
        Assert.True(allowed.Succeeded);
    }

    [Fact]
    public void Each_identity_is_checked_under_its_own_key()
    {
        using var folder = new TempFolder();
        var ca = folder.File("ca.crt");
        File.WriteAllText(ca, "ca");

        var result = _validator.Validate(null, new CloudBrokerOptions
        {
            CaFile = ca,
            Ingest = new MqttIdentityOptions { Password = "secret" },
            Live = new MqttIdentityOptions { ClientCertificateFile = ca },
            Commander = new MqttIdentityOptions { ClientCertificateFile = ca, ClientKeyFile = folder.File("commander.key") },
        });

        Assert.Equal(
        [
            "Broker:Ingest:Password is set without Broker:Ingest:Username",
            "Broker:Live:ClientCertificateFile and Broker:Live:ClientKeyFile go together: set both or neither",
            $"Broker:Commander:ClientKeyFile: file '{folder.File("commander.key")}' not found",
        ], result.Failures);
    }

    [Fact]
    public void A_jobs_connection_takes_its_identity_and_the_shared_broker_settings()
    {
        var options = new CloudBrokerOptions
        {
            Host = "broker.example",
            Port = 8883,
            CaFile = "/etc/gz/ca.crt",
            Ingest = new MqttIdentityOptions { Username = "gz-ingest-2", Password = "p" },
            Commander = new MqttIdentityOptions { Username = "gz-commander", ClientId = "cmd-1", ClientCertificateFile = "c.crt", ClientKeyFile = "c.key" },
        };

        var ingest = options.ClientOptions(options.Ingest, "gz-ingest-1");
        var commander = options.ClientOptions(options.Commander, "unused");
        var anonymous = options.ClientOptions(options.Live, "gz-live-42");

        Assert.Equal(("broker.example", 8883, "gz-ingest-2", "gz-ingest-2", "p", "/etc/gz/ca.crt"),
            (ingest.Host, ingest.Port, ingest.ClientId, ingest.Username, ingest.Password, ingest.Tls!.CaFile));
        Assert.Equal(("cmd-1", "c.crt", "c.key"), (commander.ClientId, commander.Tls!.ClientCertificateFile, commander.Tls.ClientKeyFile));
        Assert.Equal(("gz-live-42", (string?)null), (anonymous.ClientId, anonymous.Username));
        Assert.Null(new CloudBrokerOptions { AllowPlaintext = true }.ClientOptions(options.Live, "x").Tls);
    }
}
