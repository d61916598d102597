using GzAiEdge.Access.Authorization;
using GzAiEdge.Cloud.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GzAiEdge.Cloud.Tests.Access;

/// <summary>
/// Every endpoint states who may call it (CONVENTIONS.md 17): each names a policy of <see cref="Policies"/> (or an
/// <see cref="Policies.Either"/> union of them), or is one of the few that anybody may call, listed here. A new endpoint
/// without a policy fails this test; one that slipped through anyway is refused to everyone by the fallback policy.
/// </summary>
public sealed class EndpointPolicyTests(InProcessCloud host) : IClassFixture<InProcessCloud>
{
    /// <summary>The endpoints anybody may call: the health probe and what signing in needs. Adding one is a decision, made here.</summary>
    public static readonly IReadOnlySet<string> Anonymous = new HashSet<string>
    {
        "GET /health",
        "GET /api/v1/auth/session",
        "POST /api/v1/auth/signin",
        "GET /api/v1/auth/oidc",
    };

    [Fact]
    public void Every_endpoint_names_a_known_policy_or_is_one_of_the_anonymous_few()
    {
        var endpoints = Endpoints(host.Services);
        Assert.True(endpoints.Count > 30, $"only {endpoints.Count} endpoints found; is the data source the host's?");
        var problems = new List<string>();
        foreach (var (key, endpoint) in endpoints)
        {
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            if (anonymous != Anonymous.Contains(key))
            {
                problems.Add(anonymous ? $"{key} allows anonymous callers but is not in the list of anonymous endpoints" : $"{key} is listed as anonymous but requires a policy");
            }
            else if (!anonymous && policies.Count == 0)
            {
                problems.Add($"{key} names no authorization policy: add .RequireAuthorization(Policies.…) (docs/security.md, \"How to add an endpoint\")");
            }

            problems.AddRange(policies.Where(p => p is null || Policies.RolesOf(p) is null).Select(p => $"{key} names '{p}', which is not a policy of Policies"));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_policy_admits_only_known_roles_and_no_person_role_passes_the_device_policy()
    {
        foreach (var (policy, roles) in Policies.RolesByPolicy)
        {
            Assert.All(roles, r => Assert.True(Roles.People.Contains(r) || r == Roles.Device, $"{policy}: unknown role {r}"));
        }

        Assert.Equal([Roles.Device], Policies.RolesOf(Policies.Device));
        Assert.DoesNotContain(Roles.Device, Policies.RolesOf(Policies.Viewer)!);
        Assert.Equal(Roles.People, Policies.RolesOf(Policies.Viewer));
        Assert.Equal([Roles.Admin], Policies.RolesOf(Policies.Admin));
        Assert.Equal([Roles.Admin, Roles.Evaluator, Roles.SiteOperator, Roles.Provider, Roles.Device], Policies.RolesOf(Policies.Either(Policies.Provider, Policies.Device)));
        Assert.Null(Policies.RolesOf("Admin|Nobody"));
    }

    /// <summary>Every route endpoint of the host as "METHOD /pattern" (constraints and a trailing slash removed, as the OpenAPI document writes paths).</summary>
    public static Dictionary<string, RouteEndpoint> Endpoints(IServiceProvider services)
    {
        var result = new Dictionary<string, RouteEndpoint>(StringComparer.Ordinal);
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
            {
                result[$"{method} {Path(endpoint.RoutePattern.RawText ?? string.Empty)}"] = endpoint;
            }
        }

        return result;
    }

    public static string Path(string pattern)
    {
        var path = System.Text.RegularExpressions.Regex.Replace(pattern, @"\{([^}:?]+)[^}]*\}", "{$1}");
        path = path.Length > 1 ? path.TrimEnd('/') : path;
        return path.StartsWith('/') ? path : "/" + path;
    }
}
