using GzAiEdge.Access.Authorization;
using GzAiEdge.AuditLog;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GzAiEdge.Cloud.Api;

/// <summary>The audit trail, for admins: entries newest first with filters, and a check of the whole hash chain.</summary>
public static class AuditLogApi
{
    public static IEndpointRouteBuilder MapAuditLogApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/audit-log").WithTags("Audit log").RequireAuthorization(Policies.Admin);
        group.MapGet("/", ListAsync);
        group.MapGet("/verify", async (SqliteAuditLog log, CancellationToken ct) => TypedResults.Ok(await log.VerifyAsync(ct)));
        return app;
    }

    /// <param name="actor">Only this actor (a user name, <c>device:{site}/{device}</c>, <c>cli:{user}</c>).</param>
    /// <param name="action">Only this action (<c>command.send</c>, <c>signin.failed</c>, …).</param>
    /// <param name="target">Only this target.</param>
    /// <param name="from">From this time (ISO 8601, inclusive).</param>
    /// <param name="to">Before this time (ISO 8601, exclusive).</param>
    public static async Task<Results<Ok<Page<AuditEntry>>, ValidationProblem>> ListAsync(
        SqliteAuditLog log, string? actor, string? action, string? target, DateTimeOffset? from, DateTimeOffset? to, int? offset, int? limit,
        CancellationToken cancellationToken)
    {
        var checks = new ApiChecks();
        var (skip, take) = checks.Paging(offset, limit);
        if (checks.Failed)
        {
            return TypedResults.ValidationProblem(checks.Errors);
        }

        var (total, items) = await log.ListAsync(new AuditQuery(actor, action, target, from, to, skip, take), cancellationToken);
        return TypedResults.Ok(new Page<AuditEntry>(total, skip, take, items));
    }
}
