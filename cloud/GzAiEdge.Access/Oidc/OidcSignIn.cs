using System.Security.Claims;
using GzAiEdge.Access.Accounts;
using GzAiEdge.Access.Authentication;
using GzAiEdge.Access.Authorization;
using GzAiEdge.Access.Store;
using GzAiEdge.AuditLog;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Access.Oidc;

/// <summary>
/// Turns a person the city's single sign-on vouched for into a GzAiEdge session: their claims give their roles and
/// scope (<see cref="OidcOptions.Roles"/>, <see cref="OidcOptions.ProviderClaim"/>, <see cref="OidcOptions.SitesClaim"/>),
/// kept on a local account linked to the provider's subject, so that an admin can disable them and their API tokens
/// work like anyone's. Nobody whose claims give no role gets in, and a local account of the same name is never taken over.
/// </summary>
internal static class OidcSignIn
{
    public const string LoginProvider = "oidc";

    /// <summary>Every claim the mapping reads, so that the userinfo answer's values are kept.</summary>
    public static IEnumerable<string> ClaimsUsed(OidcOptions o) =>
        new[] { o.NameClaim, o.ProviderClaim, o.SitesClaim }.Concat(o.Roles.Select(r => r.Claim)).OfType<string>().Where(c => c.Length > 0).Distinct();

    /// <summary>The account a set of claims makes, or why they make none.</summary>
    public static (AccountSpec? Spec, string? Refusal) Map(ClaimsPrincipal external, OidcOptions o)
    {
        var name = external.FindFirst(o.NameClaim)?.Value ?? external.FindFirst("sub")?.Value;
        if (string.IsNullOrWhiteSpace(name))
        {
            return (null, $"the sign-on gave neither '{o.NameClaim}' nor 'sub'");
        }

        var roles = o.Roles.Where(m => Values(external, m.Claim).Contains(m.Value, StringComparer.Ordinal)).Select(m => m.Role).Distinct().ToList();
        if (roles.Count == 0)
        {
            return (null, "no role in GzAiEdge: none of the person's claims is mapped to one (Access:Oidc:Roles)");
        }

        var provider = roles.Contains(Roles.Provider) && o.ProviderClaim is { } pc ? external.FindFirst(pc)?.Value : null;
        var sites = roles.Contains(Roles.SiteOperator) && o.SitesClaim is { } sc ? Values(external, sc).ToList() : [];
        var spec = new AccountSpec(name, roles, provider, sites);
        return spec.Check() is { Count: > 0 } errors ? (null, string.Join("; ", errors)) : (spec, null);
    }

    public static async Task OnTicketReceivedAsync(TicketReceivedContext context)
    {
        var services = context.HttpContext.RequestServices;
        var options = services.GetRequiredService<IOptions<AccessOptions>>().Value.Oidc;
        var external = context.Principal!;
        var subject = external.FindFirst("sub")?.Value ?? string.Empty;
        var (spec, refusal) = Map(external, options);
        var users = services.GetRequiredService<UserManager<GzUser>>();
        var user = spec is null ? null : await users.FindByLoginAsync(LoginProvider, subject);
        if (spec is not null && user is null)
        {
            (user, refusal) = await CreateAsync(users, spec, subject, services.GetRequiredService<TimeProvider>());
        }

        if (user is not null && await users.IsLockedOutAsync(user))
        {
            (user, refusal) = (null, "the account is disabled in GzAiEdge");
        }

        if (user is not null && (await services.GetRequiredService<UserAdministration>().ApplyAsync(user, spec!)).Errors is { Count: > 0 } errors)
        {
            (user, refusal) = (null, string.Join("; ", errors));
        }

        var who = spec?.Name ?? subject;
        if (user is null)
        {
            AccessLog.OidcRefused(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OidcSignIn)), who, refusal ?? "unknown");
            await context.HttpContext.AuditAsAsync(who, AuthMethods.Oidc, "signin.failed", who, AuditOutcomes.Refused, refusal);
            context.Response.Redirect($"{SessionCookie.SignInPage}?error=oidc-refused");
            context.HandleResponse();
            return;
        }

        var principal = await services.GetRequiredService<SignInManager<GzUser>>().CreateUserPrincipalAsync(user);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(AccessClaims.Method, AuthMethods.Oidc));
        context.Principal = principal;
        await context.HttpContext.AuditAsAsync(user.UserName!, AuthMethods.Oidc, "signin", user.UserName!, AuditOutcomes.Done, $"roles {string.Join(",", spec!.Roles)}");
    }

    private static async Task<(GzUser?, string?)> CreateAsync(UserManager<GzUser> users, AccountSpec spec, string subject, TimeProvider time)
    {
        if (await users.FindByNameAsync(spec.Name) is not null)
        {
            return (null, $"a GzAiEdge account named '{spec.Name}' exists and is not linked to this sign-on");
        }

        var user = new GzUser { UserName = spec.Name, Created = time.GetUtcNow(), LockoutEnabled = true };
        var created = await users.CreateAsync(user);
        if (created.Succeeded)
        {
            created = await users.AddLoginAsync(user, new UserLoginInfo(LoginProvider, subject, "OpenID Connect"));
        }

        return created.Succeeded ? (user, null) : (null, string.Join("; ", created.Errors.Select(e => e.Description)));
    }

    // A claim may come once per value, or once with values separated by spaces or commas.
    private static IEnumerable<string> Values(ClaimsPrincipal principal, string type) =>
        principal.FindAll(type).SelectMany(c => c.Value.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
