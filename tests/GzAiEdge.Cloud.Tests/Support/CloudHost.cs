using System.Text.Json;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Testing;

namespace GzAiEdge.Cloud.Tests.Support;

/// <summary>
/// A real Mosquitto, a real InfluxDB and the cloud host as a process, with alert rules made quick
/// for tests (2 windows, 1 s offline). Shared by the API and dashboard tests of one class.
/// </summary>
public sealed class CloudHost : IAsyncLifetime
{
    public const string Rules = """
        types:
          vital-signs-monitoring:
            offlineSeconds: 1
            kpis:
              - kpi: spo2_mean
                below: 92
                windows: 2
                target: 97
          traffic-flow:
            completenessBelow: 0.9
            kpis:
              - kpi: mean_speed_kmh
                below: 20
                windows: 2
                target: 45
        """;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public TempFolder Folder { get; } = new("gz-cloudhost");

    public MosquittoBroker Broker { get; private set; } = null!;

    public InfluxDbServer Influx { get; private set; } = null!;

    public ChildProcess Cloud { get; private set; } = null!;

    public Uri Api { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    /// <summary>The model repository (Models:Path), empty at start.</summary>
    public string Models => Folder.File("models");

    /// <summary>The programme key whose public half the cloud checks manifests with (Models:ProgrammeKeyFile).</summary>
    public ProgrammeSigner Programme { get; } = ProgrammeSigner.Create();

    /// <summary>The key the cloud signs commands with (Commands:SigningKeyFile).</summary>
    public CommandSigner CommandKey { get; } = CommandSigner.Create();

    /// <summary>Where the cloud POSTs alerts (Alerts:WebhookUrl).</summary>
    public WebhookReceiver Webhook { get; } = new();

    public async Task InitializeAsync()
    {
        var broker = MosquittoBroker.StartAsync();
        var influx = InfluxDbServer.StartAsync();
        Broker = await broker;
        Influx = await influx;
        await File.WriteAllTextAsync(Folder.File("rules.yaml"), Rules);
        await File.WriteAllTextAsync(Folder.File("programme.pub.pem"), Programme.PublicKeyPem);
        await File.WriteAllTextAsync(Folder.File("command-key.pem"), CommandKey.ExportPrivateKeyPem());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Folder.File("command-key.pem"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        (Cloud, Api) = await GzProcesses.StartCloudAsync(Broker, Influx, Folder, $"--Alerts:RulesPath={Folder.File("rules.yaml")}",
            $"--Alerts:WebhookUrl={Webhook.Url}", $"--Models:Path={Models}", $"--Models:ProgrammeKeyFile={Folder.File("programme.pub.pem")}",
            $"--Commands:SigningKeyFile={Folder.File("command-key.pem")}");
        Http = CloudAccounts.AdminClient(Api, Folder);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Cloud.DisposeAsync();
        Webhook.Dispose();
        Programme.Dispose();
        CommandKey.Dispose();
        await Broker.DisposeAsync();
        await Influx.DisposeAsync();
        Folder.Dispose();
    }

    public Task<JsonElement> GetAsync(string path) => Http.GetJsonAsync(path);

    /// <summary>Polls until the condition holds; fails with the cloud's output after a generous time (a hang guard, not a speed check).</summary>
    public async Task WaitForAsync(Func<Task<bool>> condition, Func<string> what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"timed out waiting for {what()}\n--- cloud output ---\n{Cloud.Output}");
    }
}
