using GzAiEdge.Access;
using GzAiEdge.Access.Authorization;
using GzAiEdge.Access.Scoping;
using GzAiEdge.AuditLog;
using GzAiEdge.Audits;
using GzAiEdge.Audits.Runs;
using GzAiEdge.Audits.Storage;
using GzAiEdge.Contracts.Api;
using GzAiEdge.TimeSeries;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Cloud.Api;

/// <summary>
/// Sealed audit runs: start one of a scenario's devices on a test set, follow it (each device's state, metrics with
/// intervals, integrity flags, answers received), the inputs file devices download, and the answers they post.
/// </summary>
public static class AuditsApi
{
    public static IEndpointRouteBuilder MapAuditsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/audits").WithTags("Audits");
        // Evaluators start and read audits; the devices download the inputs (no labels) and post answers, which count
        // only when signed with the key of the device the route names (AnswerIntake), whoever posts them.
        group.MapPost("/", StartAsync).RequireAuthorization(Policies.Evaluator);
        group.MapGet("/", ListAsync).RequireAuthorization(Policies.Evaluator);
        group.MapGet("/{id}", GetAsync).RequireAuthorization(Policies.Evaluator);
        group.MapGet("/{id}/inputs", Inputs).RequireAuthorization(Policies.Either(Policies.Evaluator, Policies.Device));
        // An answer is bounded by Audits:MaxAnswerBytes, not the API's general body limit: a detector's boxes over a few
        // hundred images are megabytes.
        var maxAnswer = app.ServiceProvider.GetRequiredService<IOptions<AuditsOptions>>().Value.MaxAnswerBytes;
        group.MapPost("/{id}/answers/{site}/{device}", AnswerAsync).RequireAuthorization(Policies.Either(Policies.Evaluator, Policies.Device))
            .WithMetadata(new RequestSizeLimitAttribute(maxAnswer));
        return app;
    }

    public static async Task<Results<Accepted<AuditView>, ValidationProblem, ProblemHttpResult>> StartAsync(
        HttpContext http, AuditStarter starter, AuditQueries queries, AuditRequest request, CancellationToken cancellationToken)
    {
        var checks = new ApiChecks();
        checks.Id("scenario", request.Scenario ?? string.Empty);
        checks.Id("site", request.Site);
        checks.Id("device", request.Device);
        if (string.IsNullOrEmpty(request.TestSet))
        {
            checks.Add("testSet", "testSet must name a test set: name or name@version (gz testset list)");
        }

        if (checks.Failed)
        {
            return TypedResults.ValidationProblem(checks.Errors);
        }

        var (name, version) = request.TestSet!.Split('@', 2) is [var n, var v] ? (n, v) : (request.TestSet, null);
        try
        {
            var audit = await starter.StartAsync(new AuditStart(request.Scenario!, name, version, request.Site, request.Device, request.DeadlineMinutes), cancellationToken);
            await http.AuditAsync("audit.start", request.Scenario!, details: $"audit {audit.Id} on {request.TestSet}{Only(request.Site, request.Device)}");
            return TypedResults.Accepted($"/api/v1/audits/{audit.Id}", (await queries.GetAsync(audit.Id, cancellationToken))!);
        }
        catch (AuditException ex)
        {
            await http.AuditAsync("audit.start", request.Scenario!, AuditOutcomes.Refused, $"{request.TestSet}{Only(request.Site, request.Device)}: {ex.Message}");
            return Problem(ex);
        }
        catch (InfluxDbUnavailableException ex)
        {
            return ApiProblems.InfluxUnavailable(ex);
        }
    }

    public static async Task<Results<Ok<IReadOnlyList<AuditView>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        AuditQueries queries, string? scenario, int? limit, CancellationToken cancellationToken)
    {
        var checks = new ApiChecks();
        checks.Id("scenario", scenario);
        var (_, take) = checks.Paging(0, limit, 20);
        if (checks.Failed)
        {
            return TypedResults.ValidationProblem(checks.Errors);
        }

        try
        {
            return TypedResults.Ok(await queries.ListAsync(scenario, take, cancellationToken));
        }
        catch (InfluxDbUnavailableException ex)
        {
            return ApiProblems.InfluxUnavailable(ex);
        }
    }

    public static async Task<Results<Ok<AuditView>, ProblemHttpResult>> GetAsync(AuditQueries queries, string id, CancellationToken cancellationToken)
    {
        try
        {
            return await queries.GetAsync(id, cancellationToken) is { } view ? TypedResults.Ok(view) : ApiProblems.NotFound($"no audit {id}");
        }
        catch (InfluxDbUnavailableException ex)
        {
            return ApiProblems.InfluxUnavailable(ex);
        }
    }

    /// <summary>The audit's inputs file (no labels: those never leave the cloud), with its length and range requests.</summary>
    public static Results<PhysicalFileHttpResult, ProblemHttpResult> Inputs(AuditStore audits, BlobStore blobs, string id) =>
        audits.Find(id) is { } audit && File.Exists(blobs.PathOf(audit.InputsSha256))
            ? TypedResults.PhysicalFile(blobs.PathOf(audit.InputsSha256), "application/gzip", enableRangeProcessing: true)
            : ApiProblems.NotFound($"no audit {id}, or its inputs are gone from the store");

    /// <summary>A device's signed answer: 200 when scored, 422 with the reason when rejected (late, unsigned, wrong nonce, wrong key, tampered…).</summary>
    public static async Task<Results<Ok<AnswerVerdict>, ProblemHttpResult>> AnswerAsync(
        AnswerIntake intake, IOptions<AuditsOptions> options, HttpRequest request, string id, string site, string device, CancellationToken cancellationToken)
    {
        // A device answers only for itself: another device's token gets what an unknown device would.
        if (!AccessScope.Of(request.HttpContext).SeesDevice(site, device))
        {
            return ApiProblems.NotFound($"audit {id} has no part for {site}/{device}");
        }

        var max = options.Value.MaxAnswerBytes;
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = max;
        }

        if (request.ContentLength > max)
        {
            return TypedResults.Problem($"the answer is {request.ContentLength} bytes; at most {max} are taken (Audits:MaxAnswerBytes)", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Answer too large");
        }

        using var body = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (body.Length + read > max)
            {
                return TypedResults.Problem($"the answer is over {max} bytes (Audits:MaxAnswerBytes)", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Answer too large");
            }

            body.Write(buffer, 0, read);
        }

        try
        {
            var verdict = intake.Submit(id, site, device, body.ToArray());
            await request.HttpContext.AuditAsync("audit.answer", $"{site}/{device}", verdict.Accepted ? AuditOutcomes.Done : AuditOutcomes.Refused,
                verdict.Accepted ? $"audit {id}" : $"audit {id}: {verdict.Reason}");
            return verdict.Accepted
                ? TypedResults.Ok(verdict)
                : TypedResults.Problem(verdict.Reason, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Answer rejected");
        }
        catch (AuditException ex)
        {
            return Problem(ex);
        }
    }

    private static string Only(string? site, string? device) => device is null ? string.Empty : $", only {site}/{device}";

    private static ProblemHttpResult Problem(AuditException ex) => ex.Problem switch
    {
        AuditProblem.NotFound => ApiProblems.NotFound(ex.Message),
        AuditProblem.NotConfigured => TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Audits are not configured"),
        _ => TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status400BadRequest, title: "Audit request cannot be carried out"),
    };
}
