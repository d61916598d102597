using GzAiEdge.Access.Authentication;
using GzAiEdge.Access.Authorization;
using GzAiEdge.Access.Oidc;
using GzAiEdge.Access.Scoping;
using GzAiEdge.Access.Store;
using GzAiEdge.Access.Tokens;
using GzAiEdge.Configuration;
using GzAiEdge.Scenarios.Catalogue;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Access;

public static class AccessServiceExtensions
{
    /// <summary>The rate limiter policy of the sign-in endpoint (per client address).</summary>
    public const string SignInRateLimit = "signin";

    /// <summary>
    /// Who may do what (configuration section <c>Access</c>): accounts on SQLite through ASP.NET Core Identity, the
    /// session cookie (HttpOnly, SameSite=Lax, Secure under HTTPS), personal and device bearer tokens, OpenID Connect
    /// when configured, the policies of <see cref="Policies"/> with a fallback that denies any endpoint naming none,
    /// and anti-forgery tokens for the cookie's state-changing requests.
    /// </summary>
    public static IHostApplicationBuilder AddAccess(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AccessOptions>().BindConfiguration(AccessOptions.Section).ValidateOnStart();
        services.AddBoundSection<AccessOptions>(AccessOptions.Section);
        services.AddSingleton<IValidateOptions<AccessOptions>, AccessOptionsValidator>();
        services.AddAccessStore().AddSignInManager();
        services.AddSingleton<DeviceTokenRegistry>();
        services.AddSingleton(sp => new ScenarioIndex(sp.GetRequiredService<ScenarioCatalogue>()));
        services.AddHttpContextAccessor();

        var authentication = services.AddAuthentication(o =>
            {
                o.DefaultScheme = AccessSchemes.Default;
                o.DefaultChallengeScheme = AccessSchemes.Default;
                o.DefaultForbidScheme = AccessSchemes.Default;
            })
            .AddPolicyScheme(AccessSchemes.Default, "session cookie or bearer token", o => o.ForwardDefaultSelector = context =>
                TokenAuthenticationHandler.Bearer(context.Request) is null ? IdentityConstants.ApplicationScheme : AccessSchemes.Token)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(AccessSchemes.Token, null);
        authentication.AddIdentityCookies();
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<AccessOptions>>((cookie, access) => SessionCookie.Configure(cookie, access.Value));
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            // A disabled account or a changed role reaches open sessions within a minute.
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            o.OnRefreshingPrincipal = SessionCookie.KeepMethodAsync;
        });
        if (builder.Configuration[$"{AccessOptions.Section}:Oidc:Authority"] is { Length: > 0 })
        {
            authentication.AddOpenIdConnect(AccessSchemes.Oidc, o => { });
            services.AddOptions<Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectOptions>(AccessSchemes.Oidc)
                .Configure<IOptions<AccessOptions>>((oidc, access) => OidcSetup.Configure(oidc, access.Value.Oidc));
        }

        services.AddSingleton<IAuthorizationPolicyProvider, RolePolicyProvider>();
        // Default deny: an endpoint that names no policy is refused to everyone. Requests that reach no endpoint pass on
        // to be answered 404 or 405 (and static files are served before authorization).
        services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder(AccessSchemes.Default)
            .RequireAssertion(context => context.Resource is not HttpContext http || http.GetEndpoint() is not RouteEndpoint).Build());
        services.AddAntiforgery(o =>
        {
            o.HeaderName = "X-CSRF-TOKEN";
            o.Cookie.Name = "gz.csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddRateLimiter(o => o.AddPolicy(SignInRateLimit, context => System.Threading.RateLimiting.RateLimitPartition.GetFixedWindowLimiter(
            AuditTrail.From(context),
            _ => new System.Threading.RateLimiting.FixedWindowRateLimiterOptions
            {
                PermitLimit = context.RequestServices.GetRequiredService<IOptions<AccessOptions>>().Value.SignInsPerMinute,
                Window = TimeSpan.FromMinutes(1),
            })));
        return builder;
    }

    /// <summary>Authentication (cookie or token, per request) and the anti-forgery check; call before the dashboard and authorization.</summary>
    public static WebApplication UseAccess(this WebApplication app)
    {
        AccessStore.EnsureCreated(app.Services);
        WarmUp(app.Services);
        app.UseAuthentication();
        app.UseMiddleware<AntiforgeryCheck>();
        return app;
    }

    // The first token check compiles the store's queries (a second or more on a busy machine); done here, it does not
    // fall on the first caller. Says how many accounts there are, and how to make the first.
    private static void WarmUp(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var provider = scope.ServiceProvider;
        provider.GetRequiredService<TokenService>().AuthenticateAsync(TokenFormat.New(TokenFormat.PersonalPrefix), CancellationToken.None).GetAwaiter().GetResult();
        var users = provider.GetRequiredService<UserManager<Store.GzUser>>();
        users.FindByIdAsync("warm-up").GetAwaiter().GetResult();
        var options = provider.GetRequiredService<IOptions<AccessOptions>>().Value;
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AccessServiceExtensions));
        var count = users.Users.Count();
        AccessLog.Ready(logger, Path.GetFullPath(options.StorePath), count, options.Oidc.Authority ?? "off");
        if (count == 0)
        {
            AccessLog.NoAccounts(logger, options.StorePath);
        }
    }
}
