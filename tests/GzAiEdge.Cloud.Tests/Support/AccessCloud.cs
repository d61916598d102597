using System.Security.Cryptography;
using System.Text.Json;
using GzAiEdge.Access.Accounts;
using GzAiEdge.Access.Authorization;
using GzAiEdge.Access.Store;
using GzAiEdge.Access.Tokens;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Monitoring.Alerts;
using GzAiEdge.Scenarios.Catalogue;
using GzAiEdge.Scenarios.Kpis;
using GzAiEdge.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace GzAiEdge.Cloud.Tests.Support;

/// <summary>
/// The in-process cloud with one account per role, a device token, and objects of two providers: A (the Tianhe traffic
/// demonstration: its site, device, model and alert) and B (the Yuexiu vitals demonstration: the same, plus a token of
/// B's provider). Callers are scoped to A; B's objects are what they must not see.
/// </summary>
public sealed class AccessCloud : InProcessCloud
{
    public static readonly Party A = new("Tianhe Traffic AI (demo)", "traffic-tianhe-flow", "tianhe-01", "cam-01", "model-a");
    public static readonly Party B = new("Yuexiu Health AI (demo)", "med-yuexiu-vitals", "yuexiu-03", "ward-05", "model-b");

    /// <summary>A token per caller kind: admin, evaluator, site-operator (of A's site), provider (A), viewer, device (A's device).</summary>
    public Dictionary<string, string> Tokens { get; } = [];

    public long AlertOfA { get; private set; }

    public long AlertOfB { get; private set; }

    /// <summary>The id of a token of B's provider.</summary>
    public string TokenOfB { get; private set; } = string.Empty;

    protected override async Task PrepareAsync(Dictionary<string, string> settings)
    {
        var catalogue = CatalogueLoader.Load(settings["Catalogue:Path"]);
        foreach (var party in new[] { A, B })
        {
            Assert.True(catalogue.TryGet(party.Scenario, out var s) && s.Provider == party.Provider, $"the catalogue no longer gives {party.Scenario} to {party.Provider}");
            PublishModel(party);
        }

        Tokens[Roles.Admin] = CloudAccounts.AdminToken(Folder);
        Tokens[Roles.Evaluator] = CloudAccounts.Add(Folder, new AccountSpec("eva", [Roles.Evaluator], null, []));
        Tokens[Roles.SiteOperator] = CloudAccounts.Add(Folder, new AccountSpec("op-a", [Roles.SiteOperator], null, [A.Site]));
        Tokens[Roles.Provider] = CloudAccounts.Add(Folder, new AccountSpec("prov-a", [Roles.Provider], A.Provider, []));
        Tokens[Roles.Viewer] = CloudAccounts.Add(Folder, new AccountSpec("watcher", [Roles.Viewer], null, []));
        Tokens["provider-b"] = CloudAccounts.Add(Folder, new AccountSpec("prov-b", [Roles.Provider], B.Provider, []));
        TokenOfB = await TokenIdAsync("prov-b");

        DeviceKeyRegistry.Save(settings["Verification:KeyRegistryPath"], new DeviceKeyRegistryFile([]));
        var device = TokenFormat.New(TokenFormat.DevicePrefix);
        Tokens[Roles.Device] = device;
        DeviceTokenRegistry.Write(Folder.File("device-tokens.json"), new DeviceTokenFile([new DeviceTokenEntry(A.Site, A.Device, TokenFormat.Hash(device))]));
        settings["Access:DeviceTokensPath"] = Folder.File("device-tokens.json");

        using var alerts = new SqliteAlertStore(settings["Alerts:StorePath"]);
        AlertOfA = (await RaiseAsync(alerts, A)).Id;
        AlertOfB = (await RaiseAsync(alerts, B)).Id;
    }

    private async Task<string> TokenIdAsync(string user)
    {
        using var services = AccessStore.OpenOffline(CloudAccounts.Store(Folder), CloudAccounts.AuditLog(Folder));
        using var scope = services.CreateScope();
        var owner = await scope.ServiceProvider.GetRequiredService<UserManager<GzUser>>().FindByNameAsync(user);
        return (await scope.ServiceProvider.GetRequiredService<TokenService>().ListAsync(owner!.Id, CancellationToken.None))[0].Id;
    }

    private static async Task<AlertView> RaiseAsync(SqliteAlertStore alerts, Party party) =>
        (await alerts.RaiseAsync(new AlertDraft("test-rule", "kpi", party.Scenario, party.Site, party.Device, "x", 1, 2, "test alert"), DateTimeOffset.UtcNow, CancellationToken.None))!;

    // What gz model sign --provider writes.
    private void PublishModel(Party party)
    {
        var folder = Path.Combine(Models, party.Model, "1.0");
        Directory.CreateDirectory(folder);
        var content = RandomNumberGenerator.GetBytes(1000);
        File.WriteAllBytes(Path.Combine(folder, "model.onnx"), content);
        File.WriteAllText(Path.Combine(Models, party.Model, "provider.txt"), party.Provider + "\n");
        var manifest = Programme.Sign(new ModelManifest
        {
            V = ContractVersion.Current,
            Name = party.Model,
            Version = "1.0",
            VersionNumber = 1,
            Pipeline = PipelineNames.VitalsClassification,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Size = content.Length,
            Created = DateTimeOffset.UtcNow,
            Expires = DateTimeOffset.UtcNow.AddDays(30),
        });
        File.WriteAllBytes(Path.Combine(folder, "manifest.json"), JsonSerializer.SerializeToUtf8Bytes(manifest, GzJsonContext.Default.ModelManifest));
    }

    /// <summary>A provider and what is theirs.</summary>
    public sealed record Party(string Provider, string Scenario, string Site, string Device, string Model);
}
