namespace GzAiEdge.Access.Authentication;

/// <summary>401 and 403 answers as RFC 7807 problem details, the same shape every other API error has.</summary>
internal static class AccessProblems
{
    public const string NotSignedIn = "Not signed in";
    public const string Forbidden = "Not allowed";

    /// <summary>
    /// Requests for the API and for machines (Prometheus scraping <c>/metrics</c>) get problem details; the dashboard's
    /// pages get a redirect to the sign-in page.
    /// </summary>
    public static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/openapi") || request.Path.StartsWithSegments("/metrics");

    public static async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = { Status = status, Title = title, Detail = detail } });
    }

    public static Task UnauthorizedAsync(HttpContext context, string? why) => WriteAsync(context, StatusCodes.Status401Unauthorized, NotSignedIn,
        why ?? "sign in (dashboard) or send a token (Authorization: Bearer …; gz takes it from GZ_TOKEN or --token-file)");

    public static Task ForbiddenAsync(HttpContext context) => WriteAsync(context, StatusCodes.Status403Forbidden, Forbidden,
        "your role does not allow this; docs/security.md lists who may do what");
}
