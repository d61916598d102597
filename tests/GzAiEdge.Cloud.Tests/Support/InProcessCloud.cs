using System.Text.Json;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GzAiEdge.Cloud.Tests.Support;

/// <summary>
/// The cloud host in-process (its own Program under WebApplicationFactory) for API tests that need no broker:
/// ingestion and the live feed off (a supported configuration: an instance that only serves), the repository's
/// catalogue, the quick alert rules of <see cref="CloudHost"/>, stores and the model repository in a temp folder.
/// InfluxDB is pointed at a port where nothing listens; <see cref="InProcessCloudWithInflux"/> starts a real one.
/// </summary>
public class InProcessCloud : IAsyncLifetime
{
    private Factory _factory = null!;

    public TempFolder Folder { get; } = new("gz-inprocess-cloud");

    public InfluxDbServer? Influx { get; private set; }

    public HttpClient Http { get; private set; } = null!;

    /// <summary>The model repository (Models:Path), empty at start.</summary>
    public string Models => Folder.File("models");

    /// <summary>The programme key whose public half the cloud checks manifests with (Models:ProgrammeKeyFile).</summary>
    public ProgrammeSigner Programme { get; } = ProgrammeSigner.Create();

    protected virtual bool StartsInflux => false;

    public async Task InitializeAsync()
    {
        Influx = StartsInflux ? await InfluxDbServer.StartAsync() : null;
        await File.WriteAllTextAsync(Folder.File("rules.yaml"), CloudHost.Rules);
        await File.WriteAllTextAsync(Folder.File("programme.pub.pem"), Programme.PublicKeyPem);
        _factory = new Factory(new Dictionary<string, string>
        {
            ["Ingestion:Enabled"] = "false",
            ["Broker:AllowPlaintext"] = "true",
            ["LiveFeed:Enabled"] = "false",
            ["InfluxDb:BaseAddress"] = Influx?.BaseAddress.ToString() ?? $"http://127.0.0.1:{FreePort.Next()}/",
            ["InfluxDb:Database"] = Influx?.Database ?? "gz",
            ["Catalogue:Path"] = RepoPaths.Combine("firmware-configs", "scenarios", "catalogue.yaml"),
            ["DeadLetters:Path"] = Folder.File("dead-letters.db"),
            ["Alerts:RulesPath"] = Folder.File("rules.yaml"),
            ["Alerts:StorePath"] = Folder.File("alerts.db"),
            ["Models:Path"] = Models,
            ["Models:ProgrammeKeyFile"] = Folder.File("programme.pub.pem"),
            ["Verification:KeyRegistryPath"] = Folder.File("device-keys.json"),
            ["Logging:LogLevel:Default"] = "Warning",
        });
        Http = _factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await _factory.DisposeAsync();
        Programme.Dispose();
        if (Influx is not null)
        {
            await Influx.DisposeAsync();
        }

        Folder.Dispose();
    }

    public Task<JsonElement> GetAsync(string path) => Http.GetJsonAsync(path);

    private sealed class Factory(IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // As operators run it (no developer exception page), with the test's configuration over appsettings.json.
            builder.UseEnvironment("Production");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}

/// <summary><see cref="InProcessCloud"/> over a real InfluxDB of its own.</summary>
public sealed class InProcessCloudWithInflux : InProcessCloud
{
    protected override bool StartsInflux => true;
}
