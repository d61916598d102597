using System.Security.Claims;
using GzAiEdge.Access.Authorization;
using GzAiEdge.Access.Oidc;
using GzAiEdge.Access.Tokens;

namespace GzAiEdge.Access.Tests;

/// <summary>How single sign-on claims become an account: configured values give roles, a provider and sites; no role, no entry.</summary>
public sealed class OidcMappingTests
{
    private static readonly OidcOptions Options = new()
    {
        Authority = "https://sso.example",
        ClientId = "gz",
        Roles =
        [
            new OidcRoleMapping { Claim = "groups", Value = "gz-evaluators", Role = Roles.Evaluator },
            new OidcRoleMapping { Claim = "groups", Value = "gz-providers", Role = Roles.Provider },
            new OidcRoleMapping { Claim = "groups", Value = "gz-operators", Role = Roles.SiteOperator },
        ],
        ProviderClaim = "org",
        SitesClaim = "sites",
    };

    [Fact]
    public void Claim_values_map_to_roles_and_scope()
    {
        var (spec, refusal) = OidcSignIn.Map(Principal(("preferred_username", "li.wei"), ("groups", "gz-providers"), ("groups", "gz-operators"),
            ("org", "Acme"), ("sites", "s-1 s-2")), Options);
        Assert.Null(refusal);
        Assert.Equal("li.wei", spec!.Name);
        Assert.Equal([Roles.Provider, Roles.SiteOperator], spec.Roles.Order());
        Assert.Equal("Acme", spec.Provider);
        Assert.Equal(["s-1", "s-2"], spec.Sites);
    }

    [Fact]
    public void No_mapped_claim_means_no_entry_and_a_provider_without_a_provider_claim_is_refused()
    {
        Assert.Contains("no role", OidcSignIn.Map(Principal(("sub", "x1"), ("groups", "staff")), Options).Refusal, StringComparison.Ordinal);
        Assert.Contains("provider role needs", OidcSignIn.Map(Principal(("sub", "x2"), ("groups", "gz-providers")), Options).Refusal, StringComparison.Ordinal);
        Assert.Equal("x3", OidcSignIn.Map(Principal(("sub", "x3"), ("groups", "gz-evaluators")), Options).Spec!.Name);
    }

    [Fact]
    public void The_options_validator_names_each_bad_key()
    {
        var result = new AccessOptionsValidator().Validate(null, new AccessOptions
        {
            MaxFailedSignIns = 0,
            Oidc = new OidcOptions { Authority = "http://sso.example", Roles = [new OidcRoleMapping { Claim = "groups", Value = "x", Role = "superuser" }] },
        });
        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith("Access:MaxFailedSignIns: 0", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Access:Oidc:Authority: 'http://sso.example' is plain http", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Access:Oidc:ClientId: required", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Access:Oidc:Roles:0:Role: 'superuser' is not a role", StringComparison.Ordinal));
    }

    [Fact]
    public void Tokens_are_random_well_formed_and_kept_only_as_a_hash()
    {
        var token = TokenFormat.New(TokenFormat.PersonalPrefix);
        Assert.True(TokenFormat.IsWellFormed(token, TokenFormat.PersonalPrefix));
        Assert.False(TokenFormat.IsWellFormed(token, TokenFormat.DevicePrefix));
        Assert.False(TokenFormat.IsWellFormed(token[..^1], TokenFormat.PersonalPrefix));
        Assert.False(TokenFormat.IsWellFormed(token[..^1] + "!", TokenFormat.PersonalPrefix));
        Assert.NotEqual(token, TokenFormat.New(TokenFormat.PersonalPrefix));
        Assert.Equal(64, TokenFormat.Hash(token).Length);
        Assert.DoesNotContain(token[4..], TokenFormat.Hash(token), StringComparison.Ordinal);
    }

    private static ClaimsPrincipal Principal(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "oidc"));
}
