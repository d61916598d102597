namespace GzAiEdge.Access.Api;

public static class AccessApi
{
    /// <summary>Sign-in, the caller, personal tokens and (for admins) accounts.</summary>
    public static IEndpointRouteBuilder MapAccessApi(this IEndpointRouteBuilder app) =>
        app.MapAuthApi().MapTokensApi().MapUsersApi();
}
