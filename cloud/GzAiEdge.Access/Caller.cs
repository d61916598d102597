using System.Security.Claims;
using GzAiEdge.Access.Authorization;

namespace GzAiEdge.Access;

/// <summary>
/// Who is calling, read from the authenticated principal: their name, how they signed in, their roles, and what their
/// roles are scoped to (a provider's name, a site operator's sites, a device's own identity). Scoping is always taken
/// from here on the server, never from a parameter the client chooses.
/// </summary>
public sealed record Caller(string Name, string Method, IReadOnlySet<string> Roles, string? Provider, IReadOnlySet<string> Sites, string? Site, string? Device)
{
    /// <summary>The caller of a request nobody signed in to.</summary>
    public static Caller Anonymous { get; } = new("anonymous", "anonymous", new HashSet<string>(), null, new HashSet<string>(), null, null);

    public bool Is(string role) => Roles.Contains(role);

    /// <summary>Admins, evaluators and viewers see every scenario; site operators and providers only their own.</summary>
    public bool SeesEverything => Is(Authorization.Roles.Admin) || Is(Authorization.Roles.Evaluator) || Is(Authorization.Roles.Viewer);

    /// <summary>True for a device's own API identity.</summary>
    public bool IsDevice => Is(Authorization.Roles.Device) && Site is not null && Device is not null;

    /// <summary>What the audit log names the caller by.</summary>
    public string AuditName => IsDevice ? $"device:{Site}/{Device}" : Name;

    public static Caller From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity?.IsAuthenticated != true)
        {
            return Anonymous;
        }

        var device = principal.FindFirstValue(AccessClaims.Device)?.Split('/');
        return new Caller(
            principal.Identity.Name ?? "unnamed",
            principal.FindFirstValue(AccessClaims.Method) ?? "unknown",
            principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal),
            principal.FindFirstValue(AccessClaims.Provider),
            principal.FindAll(AccessClaims.Site).Select(c => c.Value).ToHashSet(StringComparer.Ordinal),
            device is [var site, _] ? site : null,
            device is [_, var id] ? id : null);
    }
}
