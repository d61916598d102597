using GzAiEdge.Access.Authorization;
using GzAiEdge.Access.Store;
using GzAiEdge.Access.Tokens;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Access.Api;

/// <summary>
/// Personal API tokens: everyone makes, lists and revokes their own; an admin lists and revokes anyone's. A token is
/// made only from a signed-in session, so a leaked token cannot mint itself successors.
/// </summary>
public static class TokensApi
{
    private const int DefaultDays = 90;

    public static IEndpointRouteBuilder MapTokensApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/tokens").WithTags("Tokens").RequireAuthorization(Policies.Viewer);
        group.MapGet("/", ListAsync);
        group.MapPost("/", CreateAsync);
        group.MapDelete("/{id}", RevokeAsync);
        return app;
    }

    /// <param name="all">Everyone's tokens (admins only).</param>
    public static async Task<Results<Ok<IReadOnlyList<TokenView>>, ProblemHttpResult>> ListAsync(
        HttpContext http, TokenService tokens, UserManager<GzUser> users, bool? all, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        if (all == true && !caller.Is(Roles.Admin))
        {
            return TypedResults.Problem("only an admin lists everyone's tokens", statusCode: StatusCodes.Status403Forbidden, title: "Not allowed");
        }

        var owner = all == true ? null : users.GetUserId(http.User);
        return TypedResults.Ok(await tokens.ListAsync(owner, cancellationToken));
    }

    public static async Task<Results<Created<TokenCreated>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        HttpContext http, TokenService tokens, UserManager<GzUser> users, IOptions<AccessOptions> options, TokenRequest request, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        if (caller.Method == AuthMethods.Token)
        {
            return TypedResults.Problem("tokens are made from a signed-in session (the dashboard's API tokens page), not with another token",
                statusCode: StatusCodes.Status403Forbidden, title: "Session required");
        }

        var errors = new Dictionary<string, string[]>();
        var name = request.Name?.Trim() ?? string.Empty;
        var days = request.Days ?? Math.Min(DefaultDays, options.Value.TokenMaxDays);
        if (name.Length is 0 or > 100)
        {
            errors["name"] = ["name: 1..100 characters saying what the token is for"];
        }

        if (days < 1 || days > options.Value.TokenMaxDays)
        {
            errors["days"] = [$"days must be within 1..{options.Value.TokenMaxDays} (was {days})"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var owner = await users.GetUserAsync(http.User);
        if (owner is null)
        {
            return TypedResults.Problem("the session's account no longer exists", statusCode: StatusCodes.Status403Forbidden, title: "Not allowed");
        }

        var (token, secret) = await tokens.CreateAsync(owner, name, TimeSpan.FromDays(days), cancellationToken);
        await http.AuditAsync("token.create", token.Id, details: $"'{name}', expires {token.Expires:u}");
        return TypedResults.Created($"/api/v1/tokens/{token.Id}", new TokenCreated(token, secret));
    }

    /// <summary>Revokes a token; one the caller may not revoke answers as if it did not exist.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        HttpContext http, TokenService tokens, UserManager<GzUser> users, string id, CancellationToken cancellationToken)
    {
        var token = await tokens.FindAsync(id, cancellationToken);
        if (token is null || (token.UserId != users.GetUserId(http.User) && !Caller.From(http.User).Is(Roles.Admin)))
        {
            return TypedResults.Problem($"there is no token {id}", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }

        await tokens.RevokeAsync(token, cancellationToken);
        await http.AuditAsync("token.revoke", id);
        return TypedResults.NoContent();
    }
}
