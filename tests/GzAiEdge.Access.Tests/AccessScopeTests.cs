using System.Security.Claims;
using GzAiEdge.Access.Authorization;
using GzAiEdge.Access.Scoping;
using GzAiEdge.Scenarios.Catalogue;

namespace GzAiEdge.Access.Tests;

/// <summary>Who sees what, decided from the caller's identity and the catalogue (and what devices report), nothing else.</summary>
public sealed class AccessScopeTests
{
    private static readonly ScenarioIndex Index = new(new ScenarioCatalogue(
    [
        new Scenario("a-1", Sector.Traffic, "t", "甲", "A1") { Provider = "Acme", Sites = [new ScenarioSite("s-1", ["d-1", "d-2"])] },
        new Scenario("a-2", Sector.Traffic, "t", "甲", "A2") { Provider = "Acme", Sites = [new ScenarioSite("s-2", ["d-1"])] },
        new Scenario("b-1", Sector.Medical, "t", "乙", "B1") { Provider = "Beta", Sites = [new ScenarioSite("s-3", ["d-9"])] },
    ]));

    [Fact]
    public void A_provider_sees_their_scenarios_devices_and_models_and_nothing_of_another_provider()
    {
        var scope = new AccessScope(Caller(Roles.Provider, provider: "Acme"), Index, new Observed(("s-9", "d-7", "a-1"), ("s-3", "d-8", "b-1")));
        Assert.False(scope.SeesAll);
        Assert.Equal(["a-1", "a-2"], scope.Scenarios.Order());
        Assert.True(scope.SeesDevice("s-1", "d-2"));
        Assert.True(scope.SeesDevice("s-9", "d-7"), "a device reporting for the provider's scenario is theirs");
        Assert.False(scope.SeesDevice("s-3", "d-9"));
        Assert.False(scope.SeesDevice("s-3", "d-8"));
        Assert.True(scope.SeesModel("Acme"));
        Assert.False(scope.SeesModel("Beta"));
        Assert.False(scope.SeesModel(null));
        Assert.False(scope.Commands("s-1"));
        Assert.True(scope.SeesSite("s-2"));
        Assert.False(scope.SeesSite("s-3"));
    }

    [Fact]
    public void A_site_operator_sees_the_scenarios_at_their_sites_and_commands_only_their_sites()
    {
        var scope = new AccessScope(Caller(Roles.SiteOperator, sites: ["s-1"]), Index, new Observed(("s-1", "d-5", "b-1")));
        Assert.Equal(["a-1", "b-1"], scope.Scenarios.Order());
        Assert.True(scope.Commands("s-1"));
        Assert.False(scope.Commands("s-2"));
        Assert.True(scope.SeesDevice("s-1", "d-1"));
        Assert.True(scope.SeesModel("Acme"));
    }

    [Fact]
    public void Admins_evaluators_and_viewers_see_everything_but_only_admins_command()
    {
        foreach (var role in new[] { Roles.Admin, Roles.Evaluator, Roles.Viewer })
        {
            var scope = new AccessScope(Caller(role), Index, null);
            Assert.True(scope.SeesAll);
            Assert.True(scope.SeesDevice("anywhere", "anything"));
            Assert.True(scope.SeesModel(null));
            Assert.Equal(role == Roles.Admin, scope.Commands("s-1"));
        }
    }

    [Fact]
    public void A_device_sees_itself_and_its_provider_s_models_only()
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "device:s-3/d-9"), new Claim(ClaimTypes.Role, Roles.Device), new Claim(AccessClaims.Device, "s-3/d-9")], "test");
        var scope = new AccessScope(Access.Caller.From(new ClaimsPrincipal(identity)), Index, null);
        Assert.True(scope.SeesDevice("s-3", "d-9"));
        Assert.False(scope.SeesDevice("s-1", "d-1"));
        Assert.True(scope.SeesModel("Beta"));
        Assert.False(scope.SeesModel("Acme"));
        Assert.False(scope.Commands("s-3"));
    }

    private static Caller Caller(string role, string? provider = null, string[]? sites = null)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, "someone"), new(ClaimTypes.Role, role) };
        claims.AddRange((sites ?? []).Select(s => new Claim(AccessClaims.Site, s)));
        if (provider is not null)
        {
            claims.Add(new Claim(AccessClaims.Provider, provider));
        }

        return Access.Caller.From(new ClaimsPrincipal(new ClaimsIdentity(claims, "test")));
    }

    private sealed class Observed(params (string Site, string Device, string Scenario)[] devices) : IObservedDevices
    {
        public string? ScenarioOf(string site, string device) => devices.FirstOrDefault(d => d.Site == site && d.Device == device).Scenario;

        public IEnumerable<string> ScenariosAt(string site) => devices.Where(d => d.Site == site).Select(d => d.Scenario);
    }
}
