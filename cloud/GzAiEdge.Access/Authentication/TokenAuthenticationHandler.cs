using System.Security.Claims;
using System.Text.Encodings.Web;
using GzAiEdge.Access.Authorization;
using GzAiEdge.Access.Tokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Access.Authentication;

/// <summary>
/// <c>Authorization: Bearer …</c>: a person's token (<c>gzp_</c>) checked against the store on every request, so a
/// revoked one fails at once, or a device's token (<c>gzd_</c>) from <c>gz provision</c>. A failure answers 401 with
/// problem details saying what was wrong with the token (expired, revoked, unknown, garbled): the holder of a token
/// may know that much about it.
/// </summary>
internal sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, TokenService tokens, DeviceTokenRegistry devices)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string FailureKey = "gz.token-failure";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Bearer(Request) is not { } token)
        {
            return AuthenticateResult.NoResult();
        }

        ClaimsPrincipal? principal;
        string? failure;
        if (token.StartsWith(TokenFormat.DevicePrefix, StringComparison.Ordinal))
        {
            (principal, failure) = Device(token);
        }
        else
        {
            (principal, failure) = await tokens.AuthenticateAsync(token, Context.RequestAborted);
        }

        if (principal is null)
        {
            Context.Items[FailureKey] = failure;
            return AuthenticateResult.Fail(failure ?? "invalid token");
        }

        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = Context.Items[FailureKey] as string;
        Response.Headers.WWWAuthenticate = failure is null ? "Bearer" : $"Bearer error=\"invalid_token\", error_description=\"{failure.Replace('"', '\'')}\"";
        await AccessProblems.UnauthorizedAsync(Context, failure);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => AccessProblems.ForbiddenAsync(Context);

    internal static string? Bearer(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    private (ClaimsPrincipal?, string?) Device(string token)
    {
        if (!TokenFormat.IsWellFormed(token, TokenFormat.DevicePrefix))
        {
            return (null, "the bearer token is not a GzAiEdge device token (garbled or cut short)");
        }

        DeviceTokenEntry? entry;
        try
        {
            entry = devices.Find(token);
        }
        catch (InvalidDataException ex)
        {
            AccessLog.DeviceTokensUnreadable(Logger, ex.Message);
            return (null, "device tokens cannot be checked now (the cloud's token list is damaged; its log says how)");
        }

        if (entry is null)
        {
            return (null, "the device token is not known (provision the device again, or check Access:DeviceTokensPath)");
        }

        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, $"device:{entry.Site}/{entry.Device}"),
            new Claim(ClaimTypes.Role, Roles.Device),
            new Claim(AccessClaims.Device, $"{entry.Site}/{entry.Device}"),
            new Claim(AccessClaims.Method, AuthMethods.DeviceToken),
        ], Scheme.Name);
        return (new ClaimsPrincipal(identity), null);
    }
}
