using System.Globalization;
using GzAiEdge.Mqtt;
using GzAiEdge.Testing;

namespace GzAiEdge.EndToEnd.Tests;

/// <summary>
/// A site made by <c>gz provision</c>, as an operator sets one up: its identities (the <c>credentials.env</c> files)
/// and a real Mosquitto with the project's TLS, password and ACL template filled in, on a free port.
/// </summary>
public sealed class ProvisionedSite
{
    private ProvisionedSite(string pki, int tlsPort) => (Pki, TlsPort) = (pki, tlsPort);

    /// <summary>The folder <c>gz provision --out</c> wrote.</summary>
    public string Pki { get; }

    /// <summary>The broker's TLS port.</summary>
    public int TlsPort { get; }

    public string CaFile => Path.Combine(Pki, "ca.crt");

    /// <summary>Provisions <paramref name="devices"/> of <paramref name="site"/> into <c>{folder}/pki</c>.</summary>
    public static async Task<ProvisionedSite> CreateAsync(TempFolder folder, string site, params string[] devices)
    {
        var pki = folder.File("pki");
        var (code, text) = await GzProcesses.RunCliAsync(folder, ["provision", "--site", site, .. devices.SelectMany(d => new[] { "--device", d }), "--out", pki]);
        Assert.True(code == 0, text);
        return new ProvisionedSite(pki, FreePort.Next());
    }

    /// <summary>A broker with <c>gz-secure.conf.template</c> filled with this site's folder and port.</summary>
    public Task<MosquittoBroker> StartBrokerAsync() => MosquittoBroker.StartAsync(
        File.ReadAllText(RepoPaths.Combine("firmware-configs", "mosquitto", "gz-secure.conf.template"))
            .Replace("@PKI@", Pki, StringComparison.Ordinal).Replace("@PORT@", TlsPort.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("@BIND@", "127.0.0.1", StringComparison.Ordinal));

    /// <summary>The <c>credentials.env</c> of <paramref name="identity"/> (<c>cloud</c> or <c>devices/{device}</c>).</summary>
    public Dictionary<string, string> Env(string identity) =>
        File.ReadAllLines(Path.Combine(Pki, identity, "credentials.env")).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);

    /// <summary>A connected MQTT client with the broker identity of <paramref name="identity"/>.</summary>
    public async Task<MqttClient> ConnectAsync(string identity, string clientId)
    {
        var env = Env(identity);
        var prefix = identity == "cloud" ? "Ingestion" : "Broker";
        var client = new MqttClient(new MqttClientOptions
        {
            Host = "127.0.0.1",
            Port = TlsPort,
            ClientId = clientId,
            Username = env[$"{prefix}__Username"],
            Password = env[$"{prefix}__Password"],
            Tls = new MqttTlsOptions { CaFile = env[$"{prefix}__CaFile"] },
        });
        await client.ConnectAsync(CancellationToken.None);
        return client;
    }
}
