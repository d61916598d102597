using GzAiEdge.Access;
using GzAiEdge.Access.Authorization;
using GzAiEdge.Access.Scoping;
using GzAiEdge.AuditLog;
using GzAiEdge.FieldAudits;
using GzAiEdge.FieldAudits.Evidence;
using GzAiEdge.FieldAudits.Sampling;
using GzAiEdge.TimeSeries;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Cloud.Api;

/// <summary>
/// Field-audit sampling: periods whose seed hash is published when they are committed and whose seed is revealed after
/// they end (anyone may read them: the commitment is public); sampling a period's closed windows, which sends
/// <c>evidence.fetch</c> to the devices; and the evidence devices upload for each item.
/// </summary>
public static class FieldSamplingApi
{
    public static IEndpointRouteBuilder MapFieldSamplingApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/field-audits").WithTags("Field audits");
        group.MapPost("/periods", CommitAsync).RequireAuthorization(Policies.Evaluator);
        group.MapGet("/periods", List).RequireAuthorization(Policies.Viewer);
        group.MapPost("/periods/{id}/sample", SampleAsync).RequireAuthorization(Policies.Evaluator);
        group.MapPost("/periods/{id}/reveal", RevealAsync).RequireAuthorization(Policies.Evaluator);
        // Counts only when signed with the key of the device the route names (EvidenceIntake), whoever posts it.
        var max = app.ServiceProvider.GetRequiredService<IOptions<FieldAuditsOptions>>().Value.MaxEvidenceBytes;
        group.MapPost("/evidence/{site}/{device}/{item}", UploadAsync).RequireAuthorization(Policies.Either(Policies.Evaluator, Policies.Device))
            .WithMetadata(new RequestSizeLimitAttribute(max));
        return app;
    }

    public static async Task<Results<Created<PeriodRecord>, ValidationProblem, ProblemHttpResult>> CommitAsync(
        HttpContext http, FieldSampler sampler, TimeProvider clock, PeriodRequest request)
    {
        var checks = new ApiChecks();
        checks.Id("scenario", request.Scenario ?? string.Empty);
        if (checks.Failed)
        {
            return TypedResults.ValidationProblem(checks.Errors);
        }

        var starts = request.Starts ?? clock.GetUtcNow();
        var ends = request.Ends ?? starts.AddDays(1);
        try
        {
            var period = sampler.Commit(request.Scenario!, starts, ends, request.PerStratum);
            await http.AuditAsync("field-audit.commit", period.Scenario, details: $"period {period.Id} {period.Starts:O} to {period.Ends:O}, seed sha256 {period.SeedSha256}");
            return TypedResults.Created($"/api/v1/field-audits/periods?scenario={period.Scenario}", period);
        }
        catch (FieldAuditException ex)
        {
            return Problem(ex);
        }
    }

    /// <summary>Periods newest first: the seed's hash always, the seed once revealed.</summary>
    public static Results<Ok<IReadOnlyList<PeriodRecord>>, ValidationProblem> List(PeriodStore periods, string? scenario)
    {
        var checks = new ApiChecks();
        checks.Id("scenario", scenario);
        return checks.Failed ? TypedResults.ValidationProblem(checks.Errors) : TypedResults.Ok(periods.List(scenario));
    }

    public static async Task<Results<Ok<SamplingPass>, ProblemHttpResult>> SampleAsync(HttpContext http, FieldSampler sampler, string id, CancellationToken cancellationToken)
    {
        try
        {
            var pass = await sampler.SampleAsync(id, cancellationToken);
            await http.AuditAsync("field-audit.sample", id, details: $"{pass.Windows} windows through {pass.Through:O}, {pass.Items} items, {pass.Commands} commands");
            return TypedResults.Ok(pass);
        }
        catch (FieldAuditException ex)
        {
            return Problem(ex);
        }
        catch (InfluxDbUnavailableException ex)
        {
            return ApiProblems.InfluxUnavailable(ex);
        }
    }

    public static async Task<Results<Ok<PeriodRecord>, ProblemHttpResult>> RevealAsync(HttpContext http, FieldSampler sampler, string id)
    {
        try
        {
            var period = sampler.Reveal(id);
            await http.AuditAsync("field-audit.reveal", id, details: $"seed {period.Seed}");
            return TypedResults.Ok(period);
        }
        catch (FieldAuditException ex)
        {
            await http.AuditAsync("field-audit.reveal", id, AuditOutcomes.Refused, ex.Message);
            return Problem(ex);
        }
    }

    /// <summary>A device's signed evidence for one item: 200 when received (or shown empty), 422 with the reason when refused or evicted.</summary>
    public static async Task<Results<Ok<EvidenceVerdict>, ProblemHttpResult>> UploadAsync(
        EvidenceIntake intake, IOptions<FieldAuditsOptions> options, HttpRequest request, string site, string device, string item, CancellationToken cancellationToken)
    {
        // A device answers only for itself: another device's token gets what an unknown item would.
        if (!AccessScope.Of(request.HttpContext).SeesDevice(site, device))
        {
            return ApiProblems.NotFound($"no field-audit item {item} for {site}/{device}");
        }

        var max = options.Value.MaxEvidenceBytes;
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = max;
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        if (body.Length > max)
        {
            return TypedResults.Problem($"the upload is over {max} bytes (FieldAudits:MaxEvidenceBytes)", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Evidence too large");
        }

        try
        {
            var verdict = await intake.SubmitAsync(item, site, device, body.ToArray(), cancellationToken);
            await request.HttpContext.AuditAsync("field-audit.evidence", $"{site}/{device}", verdict.Accepted ? AuditOutcomes.Done : AuditOutcomes.Refused, $"item {item}: {verdict.Reason}");
            return verdict.Accepted
                ? TypedResults.Ok(verdict)
                : TypedResults.Problem(verdict.Reason, statusCode: StatusCodes.Status422UnprocessableEntity, title: $"Evidence {verdict.State}");
        }
        catch (FieldAuditException ex)
        {
            return Problem(ex);
        }
        catch (InfluxDbUnavailableException ex)
        {
            return ApiProblems.InfluxUnavailable(ex);
        }
    }

    private static ProblemHttpResult Problem(FieldAuditException ex) => ex.Problem switch
    {
        FieldAuditProblem.NotFound => ApiProblems.NotFound(ex.Message),
        FieldAuditProblem.NotConfigured => TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Field audits are not configured"),
        _ => TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status409Conflict, title: "Field-audit request cannot be carried out"),
    };
}

/// <summary>A period to commit: the scenario, its start (now when absent) and end (a day later when absent), items per window and stratum.</summary>
public sealed record PeriodRequest(string? Scenario, DateTimeOffset? Starts, DateTimeOffset? Ends, int? PerStratum);
