using GzAiEdge.Access;
using GzAiEdge.Access.Authorization;
using GzAiEdge.Evaluation.Publishing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GzAiEdge.Cloud.Api;

/// <summary>
/// Published leaderboards: an evaluator publishes the leaderboard of a period as it stands; everyone signed in reads
/// what was published, byte for byte. Drafts (<c>GET /api/v1/evaluation/leaderboard</c>) stay with the evaluators.
/// </summary>
public static class PublishedLeaderboardApi
{
    public static IEndpointRouteBuilder MapPublishedLeaderboardApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/evaluation/leaderboards").WithTags("Evaluation");
        group.MapGet("/", async (PublishedLeaderboards store, CancellationToken ct) => TypedResults.Ok(await store.ListAsync(ct))).RequireAuthorization(Policies.Viewer);
        group.MapGet("/{id:long}", GetAsync).RequireAuthorization(Policies.Viewer);
        group.MapPost("/", PublishAsync).RequireAuthorization(Policies.Evaluator).RequireRateLimiting(ApiLimits.ExpensiveRateLimit);
        return app;
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetAsync(PublishedLeaderboards store, long id, CancellationToken cancellationToken) =>
        await store.DocumentAsync(id, cancellationToken) is { } document
            ? TypedResults.File(document, "application/json")
            : ApiProblems.NotFound($"there is no published leaderboard {id}");

    /// <summary>Publishes the leaderboard of the period (default: each scenario's catalogue period), its top <paramref name="top"/>.</summary>
    internal static Task<IResult> PublishAsync(HttpContext http, PublishedLeaderboards store, TimeProvider time, string? from, string? to, int? top,
        [AsParameters] EvaluationApi.Deps d, CancellationToken cancellationToken) =>
        EvaluationApi.RunAsync(http, d, from, to, null, async (p, _, period) =>
        {
            var document = await EvaluationApi.LeaderboardAsync(d, p, period, top, cancellationToken);
            var published = await store.AddAsync(time.GetUtcNow(), Caller.From(http.User).AuditName, period?.From, period?.To,
                top ?? Scenarios.Ranking.Leaderboard.DefaultTop, document, cancellationToken);
            await http.AuditAsync("leaderboard.publish", published.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                details: $"{period?.From:O}..{period?.To:O}, top {published.Top}");
            return TypedResults.Created($"/api/v1/evaluation/leaderboards/{published.Id}", published);
        });
}
