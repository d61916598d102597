using System.Globalization;
using GzAiEdge.Mqtt;
using GzAiEdge.Testing;

namespace GzAiEdge.EndToEnd.Tests;

/// <summary>
/// A site made by <c>gz provision</c>, as an operator sets one up: its identities (the <c>.env</c> files) and a real
/// Mosquitto running the listener config it wrote (TLS, identities bound to client ids, ACL) on a free port.
/// </summary>
public sealed class ProvisionedSite
{
    /// <summary>Every cloud job's env file: an instance that runs them all (ingestion, live feed and alerts, commands).</summary>
    public static readonly string[] AllCloudJobs = ["cloud/ingest-1", "cloud/live-1", "cloud/commander-1"];

    private ProvisionedSite(string pki, int tlsPort) => (Pki, TlsPort) = (pki, tlsPort);

    /// <summary>The folder <c>gz provision --out</c> wrote.</summary>
    public string Pki { get; }

    /// <summary>The broker's TLS port.</summary>
    public int TlsPort { get; }

    public string CaFile => Path.Combine(Pki, "ca.crt");

    /// <summary>
    /// Provisions <paramref name="devices"/> of <paramref name="site"/> into <c>{folder}/pki</c>; a device named
    /// <c>--client-certs</c> or <c>--cloud-instances=N</c> passes that option instead.
    /// </summary>
    public static async Task<ProvisionedSite> CreateAsync(TempFolder folder, string site, params string[] devices)
    {
        var pki = folder.File("pki");
        var port = FreePort.Next();
        var options = devices.Where(d => d.StartsWith("--", StringComparison.Ordinal)).SelectMany(o => o.Split('=')).ToArray();
        var (code, text) = await GzProcesses.RunCliAsync(folder, ["provision", "--site", site,
            .. devices.Where(d => !d.StartsWith("--", StringComparison.Ordinal)).SelectMany(d => new[] { "--device", d }), .. options,
            "--broker-port", port.ToString(CultureInfo.InvariantCulture), "--broker-bind", "127.0.0.1", "--out", pki]);
        Assert.True(code == 0, text);
        return new ProvisionedSite(pki, port);
    }

    /// <summary>A broker with the listener config <c>gz provision</c> wrote (<c>mosquitto/gz-secure.conf</c>).</summary>
    public Task<MosquittoBroker> StartBrokerAsync() => MosquittoBroker.StartAsync(File.ReadAllText(Path.Combine(Pki, "mosquitto", "gz-secure.conf")));

    /// <summary>An env file: <c>devices/{device}</c> (its credentials.env) or <c>cloud/{name}</c> (<c>cloud/cloud.env</c>, <c>cloud/live-1.env</c>, …).</summary>
    public Dictionary<string, string> Env(string identity)
    {
        var file = identity.StartsWith("devices/", StringComparison.Ordinal) ? Path.Combine(identity, "credentials.env") : identity + ".env";
        return File.ReadAllLines(Path.Combine(Pki, file)).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
    }

    /// <summary>
    /// Command-line arguments for a cloud instance on this site's broker, over TLS, holding the secrets of
    /// <paramref name="jobs"/> only (<see cref="AllCloudJobs"/> by default): the <c>Broker</c> and <c>Commands</c> (the commander's command key) keys of their env files
    /// and of <c>cloud/cloud.env</c> (its other keys, the registry and the programme key, are each test's choice).
    /// </summary>
    public string[] CloudArgs(params string[] jobs) =>
    [
        $"--Broker:Port={TlsPort}", "--Broker:AllowPlaintext=false",
        .. new[] { "cloud/cloud" }.Concat(jobs.Length == 0 ? AllCloudJobs : jobs).SelectMany(Env)
            .Where(kv => kv.Key.StartsWith("Broker__", StringComparison.Ordinal) || kv.Key.StartsWith("Commands__", StringComparison.Ordinal))
            .Select(kv => $"--{kv.Key.Replace("__", ":", StringComparison.Ordinal)}={kv.Value}"),
    ];

    /// <summary>
    /// A connected MQTT client with the broker identity of <paramref name="identity"/> (<c>devices/{device}</c>, or a
    /// cloud job's <c>cloud/live-1</c>, <c>cloud/ingest-1</c>, <c>cloud/commander-1</c>), sending <paramref name="clientId"/>.
    /// </summary>
    public async Task<MqttClient> ConnectAsync(string identity, string clientId)
    {
        var client = new MqttClient(ClientOptions(identity, clientId));
        await client.ConnectAsync(CancellationToken.None);
        return client;
    }

    /// <summary>Client options with the broker identity of <paramref name="identity"/> (see <see cref="ConnectAsync"/>).</summary>
    public MqttClientOptions ClientOptions(string identity, string clientId)
    {
        var env = Env(identity);
        string? Value(string name) => env.FirstOrDefault(kv => kv.Key.StartsWith("Broker__", StringComparison.Ordinal) && kv.Key.EndsWith("__" + name, StringComparison.Ordinal)).Value;
        return new MqttClientOptions
        {
            Host = "127.0.0.1",
            Port = TlsPort,
            ClientId = clientId,
            Username = Value("Username"),
            Password = Value("Password"),
            Tls = new MqttTlsOptions { CaFile = CaFile, ClientCertificateFile = Value("ClientCertificateFile"), ClientKeyFile = Value("ClientKeyFile") },
        };
    }
}
