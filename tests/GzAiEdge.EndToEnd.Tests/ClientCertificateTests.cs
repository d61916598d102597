using System.Text;
using GzAiEdge.Mqtt;
using GzAiEdge.Testing;

namespace GzAiEdge.EndToEnd.Tests;

/// <summary>
/// <c>gz provision --client-certs</c> end to end: the broker it configures requires a client certificate and takes the
/// identity from it; the cloud (three identities) and a real edge worker connect with theirs and reports are stored.
/// </summary>
[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed class ClientCertificateTests
{
    [Fact]
    public async Task With_client_certificates_the_broker_requires_one_and_takes_the_identity_from_it()
    {
        using var folder = new TempFolder("gz-mtls");
        var site = await ProvisionedSite.CreateAsync(folder, "tianhe-01", "cam-01", "cam-02", "--client-certs");
        var config = File.ReadAllText(Path.Combine(site.Pki, "mosquitto", "gz-secure.conf"));
        Assert.Contains("require_certificate true\nuse_identity_as_username true", config, StringComparison.Ordinal);
        Assert.DoesNotContain("password_file", config, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", File.ReadAllText(Path.Combine(site.Pki, "devices", "cam-01", "credentials.env")), StringComparison.Ordinal);
        await using var broker = await site.StartBrokerAsync();
        await using var influx = await InfluxDbServer.StartAsync();
        var (cloud, _) = await GzProcesses.StartCloudAsync(broker, influx, folder, site.CloudArgs());
        await using var _1 = cloud;
        var device = site.Env("devices/cam-01");
        await using var edge = GzProcesses.StartEdge($"""
            edge:
              site: tianhe-01
              device: cam-01
              scenario: traffic-tianhe-flow
              windowSeconds: 1
              stateDirectory: {folder.File("state")}
              signingKeyFile: {device["Edge__SigningKeyFile"]}
            broker:
              port: {site.TlsPort}
              caFile: {device["Broker__CaFile"]}
              clientCertificateFile: {device["Broker__ClientCertificateFile"]}
              clientKeyFile: {device["Broker__ClientKeyFile"]}
            source:
              profile: traffic
              sampleHz: 20
            """, folder);

        // Its reports are stored: the worker and every cloud job connected with their certificates alone.
        await WaitForAsync(async () => await InfluxCount.KpiPointsAsync(influx) >= 3, "three reports stored", edge, cloud);

        // No certificate, no connection, whatever the password.
        await using var anonymous = new MqttClient(site.ClientOptions("devices/cam-02", "anon") with
        {
            Password = "guess",
            Tls = new MqttTlsOptions { CaFile = site.CaFile },
            AutoReconnect = false,
        });
        await Assert.ThrowsAnyAsync<MqttException>(() => anonymous.ConnectAsync(CancellationToken.None));

        // cam-02's certificate is cam-02, whatever username it sends: it may not speak for cam-01.
        await using var impostor = new MqttClient(site.ClientOptions("devices/cam-02", "tianhe-01.cam-01") with { Username = "tianhe-01.cam-01", AutoReconnect = false });
        await impostor.ConnectAsync(CancellationToken.None);
        var refused = await Assert.ThrowsAsync<MqttPublishException>(() => impostor.PublishAsync(
            new MqttApplicationMessage("gz/v1/tianhe-01/cam-01/kpi", Encoding.UTF8.GetBytes("{}")), CancellationToken.None).AsTask());
        Assert.Equal(MqttReasonCode.NotAuthorized, refused.ReasonCode);
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what, ChildProcess edge, ChildProcess cloud)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}\n--- edge ---\n{edge.Output}\n--- cloud ---\n{cloud.Output}");
            await Task.Delay(200);
        }
    }
}
