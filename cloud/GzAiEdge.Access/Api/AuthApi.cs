using System.Security.Claims;
using GzAiEdge.Access.Authentication;
using GzAiEdge.Access.Authorization;
using GzAiEdge.Access.Store;
using GzAiEdge.AuditLog;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Access.Api;

/// <summary>
/// Sign-in and sign-out for the dashboard, single sign-on, and who the caller is. Failed sign-ins all get the same
/// answer, whether the name is unknown, the password wrong or the account locked; the audit log keeps which it was.
/// </summary>
public static class AuthApi
{
    private const string SignInFailed = "Sign-in failed";
    private const string SignInFailedDetail = "wrong user name or password, or the account is locked for a while";
    private static readonly Lock HashGate = new();
    private static string? _dummyHash;

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth").WithTags("Sign-in");
        group.MapGet("/session", Session).AllowAnonymous();
        group.MapPost("/signin", SignInAsync).AllowAnonymous().RequireRateLimiting(AccessServiceExtensions.SignInRateLimit);
        group.MapPost("/signout", SignOutAsync).RequireAuthorization(Policies.Viewer);
        group.MapGet("/oidc", Oidc).AllowAnonymous();
        app.MapGet("/api/v1/me", (HttpContext http) => TypedResults.Ok(Me(Caller.From(http.User)))).WithTags("Sign-in").RequireAuthorization(Policies.Viewer);
        return app;
    }

    public static Ok<SessionView> Session(HttpContext http, IAntiforgery antiforgery, IOptions<AccessOptions> options)
    {
        var caller = Caller.From(http.User);
        var oidc = options.Value.Oidc is { Authority.Length: > 0 } o ? o.DisplayName : null;
        var signedIn = caller != Caller.Anonymous && !caller.IsDevice;
        return TypedResults.Ok(new SessionView(signedIn, signedIn ? Me(caller) : null, antiforgery.GetAndStoreTokens(http).RequestToken!, oidc));
    }

    public static async Task<Results<Ok<MeView>, ValidationProblem, ProblemHttpResult>> SignInAsync(
        HttpContext http, SignInRequest request, SignInManager<GzUser> signIn, IAntiforgery antiforgery, ILoggerFactory logs)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return TypedResults.Problem("load GET /api/v1/auth/session first and send its csrf value as the X-CSRF-TOKEN header",
                statusCode: StatusCodes.Status400BadRequest, title: "Anti-forgery token missing");
        }

        var (name, password) = (request.UserName?.Trim() ?? string.Empty, request.Password ?? string.Empty);
        if (name.Length is 0 or > 100 || password.Length is 0 or > 1000)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["signin"] = ["give a user name (1..100 characters) and a password"] });
        }

        var users = signIn.UserManager;
        var user = await users.FindByNameAsync(name);
        if (user is null)
        {
            // As much work as for a real account, so that the answer's timing does not tell which names exist.
            users.PasswordHasher.VerifyHashedPassword(new GzUser(), DummyHash(users), password);
            return await FailedAsync(http, logs, name, "no such account");
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            var why = result.IsLockedOut ? "locked out" : $"wrong password ({await users.GetAccessFailedCountAsync(user)} in a row)";
            return await FailedAsync(http, logs, name, why);
        }

        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(AccessClaims.Method, AuthMethods.Password)]);
        await http.AuditAsAsync(name, AuthMethods.Password, "signin", name, AuditOutcomes.Done);
        var principal = await signIn.CreateUserPrincipalAsync(user);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(AccessClaims.Method, AuthMethods.Password));
        return TypedResults.Ok(Me(Caller.From(principal)));
    }

    public static async Task<NoContent> SignOutAsync(HttpContext http, CancellationToken cancellationToken)
    {
        await http.SignOutAsync(IdentityConstants.ApplicationScheme);
        await http.AuditAsync("signout", Caller.From(http.User).Name);
        return TypedResults.NoContent();
    }

    /// <summary>Starts single sign-on; <paramref name="returnUrl"/> must be a path of this site (anything else returns to the overview).</summary>
    public static Results<ChallengeHttpResult, ProblemHttpResult> Oidc(IOptions<AccessOptions> options, string? returnUrl)
    {
        if (options.Value.Oidc.Authority is not { Length: > 0 })
        {
            return TypedResults.Problem("single sign-on is not configured (Access:Oidc:Authority)", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }

        var back = returnUrl is { Length: > 0 } r && r[0] == '/' && !r.StartsWith("//", StringComparison.Ordinal) && !r.StartsWith("/\\", StringComparison.Ordinal) ? r : "/";
        return TypedResults.Challenge(new AuthenticationProperties { RedirectUri = back }, [AccessSchemes.Oidc]);
    }

    internal static MeView Me(Caller c) => new(c.Name, [.. c.Roles.Order()], c.Provider, [.. c.Sites.Order()], c.Method);

    private static async Task<ProblemHttpResult> FailedAsync(HttpContext http, ILoggerFactory logs, string name, string why)
    {
        AccessLog.SignInFailed(logs.CreateLogger(typeof(AuthApi)), name, AuditTrail.From(http));
        await http.AuditAsAsync(name, AuthMethods.Password, "signin.failed", name, AuditOutcomes.Refused, why);
        return TypedResults.Problem(SignInFailedDetail, statusCode: StatusCodes.Status401Unauthorized, title: SignInFailed);
    }

    private static string DummyHash(UserManager<GzUser> users)
    {
        lock (HashGate)
        {
            return _dummyHash ??= users.PasswordHasher.HashPassword(new GzUser(), Guid.NewGuid().ToString());
        }
    }
}
