using GzAiEdge.EdgeRuntime.Configuration;
using GzAiEdge.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GzAiEdge.EdgeRuntime.Tests.Configuration;

/// <summary>The broker section's TLS rule: a CA, or an explicit opt-out; a client certificate comes with its key and needs TLS.</summary>
public sealed class BrokerOptionsTests
{
    private const string Edge = "edge: { site: tianhe-01, device: cam-01, scenario: traffic-tianhe-flow }\nsource: { profile: traffic }\n";

    [Fact]
    public void Without_a_ca_the_start_fails_naming_the_key_and_both_ways_out()
    {
        using var folder = new TempFolder();
        var path = DeviceConfig.Write(folder, Edge + "broker:\n  port: 8883\n  allowPlaintext: false\n");

        var failures = Failures(DeviceConfig.Build(path));

        var failure = Assert.Single(failures);
        Assert.StartsWith($"{path} (Broker:CaFile, not set): the connection to the broker would not be encrypted", failure, StringComparison.Ordinal);
        Assert.Contains("Broker:AllowPlaintext: true", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void With_a_ca_or_the_opt_out_the_section_is_valid()
    {
        using var folder = new TempFolder();
        var ca = folder.File("ca.crt");
        File.WriteAllText(ca, "ca");
        var withCa = DeviceConfig.Write(folder, Edge + $"broker:\n  allowPlaintext: false\n  caFile: {ca}\n");
        Assert.Empty(Failures(DeviceConfig.Build(withCa)));

        var optedOut = DeviceConfig.Write(folder, Edge + "broker:\n  allowPlaintext: true\n");
        var options = DeviceConfig.Build(optedOut).GetRequiredService<IOptions<BrokerOptions>>().Value;
        Assert.True(options.AllowPlaintext);
        Assert.False(options.UsesTls);
    }

    [Fact]
    public void A_client_certificate_needs_its_key_and_tls_and_both_files_must_exist()
    {
        using var folder = new TempFolder();
        var certificate = folder.File("client.crt");
        File.WriteAllText(certificate, "cert");
        var path = DeviceConfig.Write(folder, Edge + $"broker:\n  allowPlaintext: true\n  clientCertificateFile: {certificate}\n");
        using var other = new TempFolder();
        var missingKey = DeviceConfig.Write(other, Edge + $"broker:\n  caFile: {certificate}\n  clientCertificateFile: {certificate}\n  clientKeyFile: {folder.File("nope.key")}\n");

        Assert.Equal(
        [
            $"{path} (Broker:ClientKeyFile, not set): Broker:ClientCertificateFile and Broker:ClientKeyFile go together: set both or neither",
            $"{path}:5 (Broker:ClientCertificateFile): a client certificate needs TLS: set Broker:CaFile",
        ], Failures(DeviceConfig.Build(path)));
        Assert.Contains($"{missingKey}:6 (Broker:ClientKeyFile): file '{folder.File("nope.key")}' not found", Failures(DeviceConfig.Build(missingKey)).Single(), StringComparison.Ordinal);
    }

    private static IReadOnlyList<string> Failures(ServiceProvider services)
    {
        try
        {
            _ = services.GetRequiredService<IOptions<BrokerOptions>>().Value;
            return [];
        }
        catch (OptionsValidationException ex)
        {
            return [.. ex.Failures];
        }
    }
}
