using GzAiEdge.Access.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace GzAiEdge.Access.Oidc;

/// <summary>
/// The OpenID Connect client: authorization code with PKCE, the answer by query (so the correlation and nonce cookies
/// can stay SameSite=Lax and work over plain http on loopback), claims from the userinfo endpoint kept under their own
/// names, and the session made from a local account that <see cref="OidcSignIn"/> keeps in step with the claims.
/// </summary>
internal static class OidcSetup
{
    public const string CallbackPath = "/signin-oidc";

    public static void Configure(OpenIdConnectOptions o, OidcOptions oidc)
    {
        o.Authority = oidc.Authority;
        o.ClientId = oidc.ClientId;
        o.ClientSecret = oidc.ClientSecret;
        o.ResponseType = OpenIdConnectResponseType.Code;
        o.ResponseMode = OpenIdConnectResponseMode.Query;
        o.UsePkce = true;
        o.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
        o.CallbackPath = CallbackPath;
        o.SignInScheme = IdentityConstants.ApplicationScheme;
        o.GetClaimsFromUserInfoEndpoint = true;
        o.MapInboundClaims = false;
        o.SaveTokens = false;
        o.Scope.Clear();
        o.Scope.Add("openid");
        foreach (var scope in oidc.Scopes ?? OidcOptions.DefaultScopes)
        {
            o.Scope.Add(scope);
        }

        o.CorrelationCookie.SameSite = SameSiteMode.Lax;
        o.NonceCookie.SameSite = SameSiteMode.Lax;
        foreach (var claim in OidcSignIn.ClaimsUsed(oidc))
        {
            o.ClaimActions.MapJsonKey(claim, claim);
        }

        o.Events.OnTicketReceived = OidcSignIn.OnTicketReceivedAsync;
        o.Events.OnRemoteFailure = async context =>
        {
            await context.HttpContext.AuditAsAsync("unknown", AuthMethods.Oidc, "signin.failed", oidc.Authority ?? "oidc", AuditLog.AuditOutcomes.Failed,
                context.Failure?.Message);
            context.Response.Redirect($"{SessionCookie.SignInPage}?error=oidc");
            context.HandleResponse();
        };
    }
}
