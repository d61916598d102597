using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Access.Authorization;

/// <summary>Builds the policies of <see cref="Policies"/> (and their <see cref="Policies.Either"/> unions) from its table, once each.</summary>
internal sealed class RolePolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    private readonly ConcurrentDictionary<string, AuthorizationPolicy?> _built = new(StringComparer.Ordinal);

    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName) =>
        _built.GetOrAdd(policyName, Build) ?? await base.GetPolicyAsync(policyName);

    private static AuthorizationPolicy? Build(string name) => Policies.RolesOf(name) is { } roles
        ? new AuthorizationPolicyBuilder(AccessSchemes.Default).RequireAuthenticatedUser().RequireRole(roles).Build()
        : null;
}
