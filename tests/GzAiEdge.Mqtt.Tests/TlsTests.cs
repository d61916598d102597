using System.Net.Sockets;
using System.Security.Authentication;
using GzAiEdge.Testing;
using static GzAiEdge.Mqtt.Tests.Support.TestClients;

namespace GzAiEdge.Mqtt.Tests;

/// <summary>TLS against Mosquitto with a CA made by openssl for this test (server and client certificates).</summary>
[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed class TlsTests : IDisposable
{
    private readonly TempFolder _pki = new("gz-mqtt-pki");

    public void Dispose() => _pki.Dispose();

    [Fact]
    public async Task Client_connects_over_mutual_tls_with_a_custom_ca_and_round_trips_a_message()
    {
        await MakePkiAsync();
        var (broker, tlsPort) = await StartTlsBrokerAsync();
        await using var _ = broker;
        var options = Options(broker, "tls-client") with
        {
            Port = tlsPort,
            Tls = new MqttTlsOptions
            {
                CaFile = _pki.File("ca.crt"),
                ClientCertificateFile = _pki.File("client.crt"),
                ClientKeyFile = _pki.File("client.key"),
            },
        };
        await using var client = await ConnectAsync(options);
        await client.SubscribeAsync([new MqttSubscription("tls/t")], Timeout());

        await client.PublishAsync(Message("tls/t", "secret"), Timeout());

        Assert.Equal("secret", Text((await ReadAsync(client, 1)).Single()));
    }

    [Fact]
    public async Task Connecting_with_the_wrong_ca_fails_with_a_clear_exception()
    {
        await MakePkiAsync();
        var (broker, tlsPort) = await StartTlsBrokerAsync();
        await using var _ = broker;
        await using var client = new MqttClient(Options(broker, "tls-client") with
        {
            Port = tlsPort,
            Tls = new MqttTlsOptions { CaFile = _pki.File("other-ca.crt") },
        });

        var error = await Assert.ThrowsAsync<MqttException>(() => client.ConnectAsync(Timeout()));

        Assert.IsType<AuthenticationException>(error.InnerException);
        Assert.Contains($"127.0.0.1:{tlsPort}", error.Message, StringComparison.Ordinal);
    }

    private async Task<(MosquittoBroker Broker, int TlsPort)> StartTlsBrokerAsync()
    {
        var tlsPort = FreePort.Next();
        var broker = await MosquittoBroker.StartAsync($"""
            allow_anonymous true
            listener {tlsPort} 127.0.0.1
            cafile {_pki.File("ca.crt")}
            certfile {_pki.File("server.crt")}
            keyfile {_pki.File("server.key")}
            require_certificate true
            """);
        await WaitUntilAsync(() =>
        {
            using var probe = new TcpClient();
            try
            {
                probe.Connect("127.0.0.1", tlsPort);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }, () => broker.Output);
        return (broker, tlsPort);
    }

    private async Task MakePkiAsync()
    {
        string[] ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
        await File.WriteAllTextAsync(_pki.File("server.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
        await RunAsync("openssl", ["req", "-x509", .. ec, "-keyout", _pki.File("ca.key"), "-out", _pki.File("ca.crt"), "-days", "2", "-subj", "/CN=gz-test-ca"]);
        await RunAsync("openssl", ["req", "-x509", .. ec, "-keyout", _pki.File("other-ca.key"), "-out", _pki.File("other-ca.crt"), "-days", "2", "-subj", "/CN=gz-other-ca"]);
        foreach (var name in new[] { "server", "client" })
        {
            await RunAsync("openssl", ["req", .. ec, "-keyout", _pki.File($"{name}.key"), "-out", _pki.File($"{name}.csr"), "-subj", $"/CN={name}"]);
            await RunAsync("openssl", ["x509", "-req", "-in", _pki.File($"{name}.csr"), "-CA", _pki.File("ca.crt"), "-CAkey", _pki.File("ca.key"),
                "-CAcreateserial", "-out", _pki.File($"{name}.crt"), "-days", "2", "-extfile", _pki.File("server.ext")]);
        }
    }
}
