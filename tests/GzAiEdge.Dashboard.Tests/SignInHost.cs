using GzAiEdge.Access.Accounts;
using GzAiEdge.Access.Authorization;
using GzAiEdge.Cloud.Tests.Support;
using GzAiEdge.Testing;
using GzAiEdge.Testing.Oidc;

namespace GzAiEdge.Dashboard.Tests;

/// <summary>
/// A cloud process whose sign-in has everything: local accounts (an admin and provider A's person) and single sign-on
/// through a real OpenID Connect provider (oidc-provider on Node) that maps the <c>groups</c> claim to roles and
/// <c>gz_provider</c> to the provider. The quick alert rules of <see cref="CloudHost"/> raise alerts after two windows.
/// </summary>
public sealed class SignInHost : IAsyncLifetime
{
    public const string ProviderA = "Tianhe Traffic AI (demo)";
    public const string ScenarioA = "traffic-tianhe-flow";
    public const string ScenarioB = "med-yuexiu-vitals";
    public const string LocalProvider = "prov-a";
    public const string SsoProvider = "li.wei";
    public const string SsoStranger = "stranger";
    public const string SsoName = "城市统一身份认证";

    public TempFolder Folder { get; } = new("gz-signin");

    public MosquittoBroker Broker { get; private set; } = null!;

    public InfluxDbServer Influx { get; private set; } = null!;

    public OidcProviderServer Oidc { get; private set; } = null!;

    public ChildProcess Cloud { get; private set; } = null!;

    public Uri Api { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var broker = MosquittoBroker.StartAsync();
        var influx = InfluxDbServer.StartAsync();
        (Broker, Influx) = (await broker, await influx);
        var port = FreePort.Next();
        const string Secret = "test-client-secret-not-for-use";
        Oidc = await OidcProviderServer.StartAsync("gz-dashboard", Secret, new Uri($"http://127.0.0.1:{port}/signin-oidc"), new Dictionary<string, Dictionary<string, object>>
        {
            [SsoProvider] = new() { ["groups"] = new[] { "staff", "gz-providers" }, ["gz_provider"] = ProviderA },
            [SsoStranger] = new() { ["groups"] = new[] { "staff" } },
        });
        CloudAccounts.Add(Folder, new AccountSpec(LocalProvider, [Roles.Provider], ProviderA, []));
        await File.WriteAllTextAsync(Folder.File("rules.yaml"), CloudHost.Rules);
        (Cloud, Api) = await GzProcesses.StartCloudOnPortAsync(Broker, Influx, Folder, port, $"--Alerts:RulesPath={Folder.File("rules.yaml")}",
            $"--Access:Oidc:Authority={Oidc.Authority}", "--Access:Oidc:ClientId=gz-dashboard", $"--Access:Oidc:ClientSecret={Secret}",
            "--Access:Oidc:RequireHttpsMetadata=false", "--Access:Oidc:Scopes:0=profile", "--Access:Oidc:Scopes:1=gz", $"--Access:Oidc:DisplayName={SsoName}",
            "--Access:Oidc:Roles:0:Claim=groups", "--Access:Oidc:Roles:0:Value=gz-providers", "--Access:Oidc:Roles:0:Role=provider",
            "--Access:Oidc:ProviderClaim=gz_provider");
        Admin = CloudAccounts.AdminClient(Api, Folder);
    }

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        await Cloud.DisposeAsync();
        await Oidc.DisposeAsync();
        await Broker.DisposeAsync();
        await Influx.DisposeAsync();
        Folder.Dispose();
    }
}
