using GzAiEdge.Ingestion.DeadLetters;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GzAiEdge.Cloud.Api;

/// <summary>Messages ingestion refused, with the reason, for people to inspect.</summary>
public static class DeadLetterApi
{
    public static IEndpointRouteBuilder MapDeadLetterApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/dead-letters").WithTags("Dead letters");
        group.MapGet("/", ListAsync);
        group.MapGet("/stats", StatsAsync);
        return app;
    }

    public static async Task<Results<Ok<Page<DeadLetterView>>, ValidationProblem>> ListAsync(
        IDeadLetterStore store, int? offset, int? limit, CancellationToken cancellationToken)
    {
        var skip = offset ?? 0;
        var take = limit ?? 50;
        if (skip < 0 || take is < 1 or > ApiChecks.MaxLimit)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["paging"] = [$"offset must be >= 0 (was {skip}) and limit within 1..{ApiChecks.MaxLimit} (was {take})"],
            });
        }

        var items = await store.ListAsync(skip, take, cancellationToken);
        var total = await store.CountAsync(cancellationToken);
        return TypedResults.Ok(new Page<DeadLetterView>(total, skip, take,
            [.. items.Select(d => new DeadLetterView(d.Id, d.ReceivedAt, d.Topic, d.Reason, System.Text.Encoding.UTF8.GetString(d.Payload),
                d.PayloadLength, d.PayloadSha256, d.Truncated))]));
    }

    /// <summary>How many letters the store holds, and how many its retention removed by age and by size.</summary>
    public static async Task<Ok<DeadLetterStats>> StatsAsync(IDeadLetterStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.StatsAsync(cancellationToken));
}

/// <summary>
/// A dead letter with its payload as text (invalid UTF-8 shows as U+FFFD); a payload over the store's limit is its
/// start (<paramref name="Truncated"/>), with the whole payload's length and SHA-256.
/// </summary>
public sealed record DeadLetterView(long Id, DateTimeOffset ReceivedAt, string Topic, string Reason, string Payload,
    long PayloadLength, string? PayloadSha256, bool Truncated);
