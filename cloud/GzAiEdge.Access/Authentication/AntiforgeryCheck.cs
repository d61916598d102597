using Microsoft.AspNetCore.Antiforgery;

namespace GzAiEdge.Access.Authentication;

/// <summary>
/// Every state-changing request that rides on the session cookie must carry this session's anti-forgery token in the
/// <c>X-CSRF-TOKEN</c> header (the dashboard reads it from <c>GET /api/v1/auth/session</c>); a form on another site can
/// send the cookie but not the header. Bearer tokens are never sent by a browser on its own, so requests with one pass.
/// Unauthenticated requests pass on to authorization, which refuses them (sign-in checks its own token).
/// </summary>
internal sealed class AntiforgeryCheck(RequestDelegate next, IAntiforgery antiforgery)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var method = context.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method)
            || TokenAuthenticationHandler.Bearer(context.Request) is not null || context.User.Identity?.IsAuthenticated != true)
        {
            await next(context);
            return;
        }

        if (await antiforgery.IsRequestValidAsync(context))
        {
            await next(context);
            return;
        }

        await context.AuditAsync("request.forgery-refused", $"{method} {context.Request.Path}", AuditLog.AuditOutcomes.Refused);
        await AccessProblems.WriteAsync(context, StatusCodes.Status403Forbidden, "Anti-forgery check failed",
            "a state-changing request with the session cookie must carry the session's X-CSRF-TOKEN header (the dashboard sends it; scripts use a bearer token)");
    }
}
