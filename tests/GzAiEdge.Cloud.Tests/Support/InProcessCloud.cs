using System.Net.Http.Headers;
using System.Text.Json;
using GzAiEdge.Access.Accounts;
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
/// <see cref="Http"/> calls as an admin; <see cref="ClientAs"/> as any other account.
/// </summary>
public class InProcessCloud : IAsyncLifetime
{
    private Factory _factory = null!;

    public TempFolder Folder { get; } = new("gz-inprocess-cloud");

    public InfluxDbServer? Influx { get; private set; }

    public HttpClient Http { get; private set; } = null!;

    /// <summary>The model repository (Models:Path), empty at start.</summary>
    public string Models => Folder.File("models");

    /// <summary>The field-audit store (FieldAudits:Path), where <c>FieldAuditSeeds</c> puts sampled items.</summary>
    public string FieldAuditsPath => Folder.File("field-audits");

    /// <summary>The programme key whose public half the cloud checks manifests with (Models:ProgrammeKeyFile).</summary>
    public ProgrammeSigner Programme { get; } = ProgrammeSigner.Create();

    protected virtual bool StartsInflux => false;

    /// <summary>Adds settings and seeds stores before the host starts.</summary>
    protected virtual Task PrepareAsync(Dictionary<string, string> settings) => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        Influx = StartsInflux ? await InfluxDbServer.StartAsync() : null;
        await File.WriteAllTextAsync(Folder.File("rules.yaml"), CloudHost.Rules);
        await File.WriteAllTextAsync(Folder.File("programme.pub.pem"), Programme.PublicKeyPem);
        var settings = new Dictionary<string, string>
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
            ["Access:StorePath"] = CloudAccounts.Store(Folder),
            ["AuditLog:Path"] = CloudAccounts.AuditLog(Folder),
            ["FieldAudits:Path"] = FieldAuditsPath,
            ["Evaluation:PublishedPath"] = Folder.File("published-leaderboards.db"),
            ["Evidence:SpansPath"] = Folder.File("evidence-spans.db"),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        await PrepareAsync(settings);
        _factory = new Factory(settings);
        Http = Client(CloudAccounts.AdminToken(Folder));
        Http.Timeout = TimeSpan.FromSeconds(100);
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

    /// <summary>A client with a token of a new account made to <paramref name="spec"/>.</summary>
    public HttpClient ClientAs(AccountSpec spec) => Client(CloudAccounts.Add(Folder, spec));

    /// <summary>A client of the in-process host that sends <paramref name="token"/> (none: an anonymous caller).</summary>
    public HttpClient Client(string? token)
    {
        var http = _factory.CreateClient();
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return http;
    }

    /// <summary>The host's services (the endpoint list, the audit log).</summary>
    public IServiceProvider Services => _factory.Services;

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
