using System.Text;
using GzAiEdge.Access.Authorization;
using GzAiEdge.Access.Scoping;
using GzAiEdge.Ingestion.DeadLetters;
using GzAiEdge.Monitoring.Live;
using GzAiEdge.Scenarios.Catalogue;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GzAiEdge.Cloud.Api;

/// <summary>
/// Messages ingestion refused, with the reason, for people to inspect. Lists show the start of each payload (a payload
/// may be a megabyte of someone's mistake, or of someone's data); an admin fetches a whole one by id. A scoped caller
/// lists only the letters from the devices they see.
/// </summary>
public static class DeadLetterApi
{
    /// <summary>Characters of a payload a list shows.</summary>
    public const int PreviewChars = 256;

    public static IEndpointRouteBuilder MapDeadLetterApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/dead-letters").WithTags("Dead letters");
        group.MapGet("/", ListAsync).RequireAuthorization(Policies.Provider);
        group.MapGet("/{id:long}", GetAsync).RequireAuthorization(Policies.Admin);
        // The whole store's size and what retention pruned: about every device, so not for a scoped caller.
        group.MapGet("/stats", StatsAsync).RequireAuthorization(Policies.Admin);
        return app;
    }

    public static async Task<Results<Ok<Page<DeadLetterView>>, ValidationProblem>> ListAsync(
        HttpContext http, IDeadLetterStore store, ScenarioCatalogue catalogue, DeviceRegistry registry, int? offset, int? limit, CancellationToken cancellationToken)
    {
        var checks = new ApiChecks();
        var (skip, take) = checks.Paging(offset, limit);
        if (checks.Failed)
        {
            return TypedResults.ValidationProblem(checks.Errors);
        }

        var scope = AccessScope.Of(http);
        long total;
        IReadOnlyList<DeadLetter> items;
        if (scope.SeesAll)
        {
            (total, items) = (await store.CountAsync(cancellationToken), await store.ListAsync(skip, take, cancellationToken));
        }
        else
        {
            (total, items) = await store.ListAsync(Prefixes(scope, catalogue, registry), skip, take, cancellationToken);
        }

        return TypedResults.Ok(new Page<DeadLetterView>(total, skip, take, [.. items.Select(d => View(d, PreviewChars))]));
    }

    /// <summary>One dead letter with its whole payload.</summary>
    public static async Task<Results<Ok<DeadLetterView>, ProblemHttpResult>> GetAsync(IDeadLetterStore store, long id, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is { } letter ? TypedResults.Ok(View(letter, int.MaxValue)) : ApiProblems.NotFound($"there is no dead letter {id}");

    private static DeadLetterView View(DeadLetter d, int chars)
    {
        var text = Encoding.UTF8.GetString(d.Payload);
        return new DeadLetterView(d.Id, d.ReceivedAt, d.Topic, d.Reason, text.Length > chars ? text[..chars] : text,
            d.PayloadLength, d.PayloadSha256, d.Truncated || text.Length > chars);
    }

    // The topic prefixes of every device the caller sees: those the catalogue lists under their scenarios and those seen reporting.
    private static HashSet<string> Prefixes(AccessScope scope, ScenarioCatalogue catalogue, DeviceRegistry registry)
    {
        var listed = catalogue.All.Where(s => scope.SeesScenario(s.Id)).SelectMany(s => s.Sites.SelectMany(site => site.Devices.Select(d => (site.Site, d))));
        var seen = registry.All().Where(d => scope.SeesDevice(d.Site, d.Device, d.Scenario)).Select(d => (d.Site, d.Device));
        return [.. listed.Concat(seen).Select(p => $"gz/v1/{p.Item1}/{p.Item2}/")];
    }

    /// <summary>How many letters the store holds, and how many its retention removed by age and by size.</summary>
    public static async Task<Ok<DeadLetterStats>> StatsAsync(IDeadLetterStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.StatsAsync(cancellationToken));
}

/// <summary>
/// A dead letter with its payload as text (invalid UTF-8 shows as U+FFFD), with the whole payload's length and SHA-256
/// as it arrived.
/// </summary>
/// <param name="Truncated">
/// True when <paramref name="Payload"/> is only its start: a list shows the first <see cref="DeadLetterApi.PreviewChars"/>
/// characters (<c>GET /api/v1/dead-letters/{id}</c> gives all the store holds), and the store keeps a payload over its
/// limit cut.
/// </param>
public sealed record DeadLetterView(long Id, DateTimeOffset ReceivedAt, string Topic, string Reason, string Payload,
    long PayloadLength, string? PayloadSha256, bool Truncated);
