using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace GzAiEdge.Access.Authentication;

/// <summary>The dashboard's session cookie, and how it answers the API when a session is missing or not allowed.</summary>
internal static class SessionCookie
{
    public const string SignInPage = "/signin.html";

    public static void Configure(CookieAuthenticationOptions cookie, AccessOptions access)
    {
        cookie.Cookie.Name = "gz.session";
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Lax;
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.ExpireTimeSpan = TimeSpan.FromHours(access.SessionHours);
        cookie.SlidingExpiration = true;
        cookie.LoginPath = SignInPage;
        cookie.Events.OnRedirectToLogin = context => AccessProblems.IsApi(context.Request)
            ? AccessProblems.UnauthorizedAsync(context.HttpContext, null)
            : Redirect(context);
        cookie.Events.OnRedirectToAccessDenied = context => AccessProblems.ForbiddenAsync(context.HttpContext);
    }

    /// <summary>A session's sign-in method survives the periodic security-stamp check that rebuilds its principal.</summary>
    public static Task KeepMethodAsync(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal?.FindFirst(AccessClaims.Method) is { } method && context.NewPrincipal?.Identity is ClaimsIdentity identity)
        {
            identity.AddClaim(new Claim(AccessClaims.Method, method.Value));
        }

        return Task.CompletedTask;
    }

    private static Task Redirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
