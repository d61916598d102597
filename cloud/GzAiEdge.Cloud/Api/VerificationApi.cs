using GzAiEdge.Access.Authorization;
using GzAiEdge.Access.Scoping;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Verification;
using GzAiEdge.Evaluation;
using GzAiEdge.Evaluation.Verification;
using GzAiEdge.TimeSeries;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Cloud.Api;

/// <summary>
/// Chain verification of one device over a period, with only its public key: counts and ranges per finding. For
/// evaluators, and for the people the device's scenario belongs to; a device the caller may not see answers as one
/// without a key does.
/// </summary>
public static class VerificationApi
{
    public static IEndpointRouteBuilder MapVerificationApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/verification").WithTags("Verification").MapGet("/{site}/{device}", VerifyAsync)
            .RequireAuthorization(Policies.Provider).RequireRateLimiting(ApiLimits.ExpensiveRateLimit);
        return app;
    }

    /// <summary>Verifies the device's reports whose window ends in [from, to) (default: the longest allowed span up to now).</summary>
    public static async Task<Results<JsonHttpResult<ChainVerification>, ValidationProblem, ProblemHttpResult>> VerifyAsync(
        HttpContext http, ChainVerificationService verifier, IOptions<VerificationOptions> keys, IOptions<EvaluationOptions> evaluation, TimeProvider time,
        string site, string device, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        var checks = new ApiChecks();
        checks.Id("site", site);
        checks.Id("device", device);
        var span = TimeSpan.FromDays(evaluation.Value.MaxPeriodDays);
        var end = to ?? time.GetUtcNow().AddDays(1);
        var start = from ?? end - span;
        if (end <= start)
        {
            checks.Add("to", $"to ({end:O}) must be after from ({start:O})");
        }
        else if (end - start > span)
        {
            checks.Add("to", $"the period spans {(end - start).TotalDays:0.#} days; at most {span.TotalDays:0} may be verified at once (Evaluation:MaxPeriodDays)");
        }

        if (checks.Failed)
        {
            return TypedResults.ValidationProblem(checks.Errors);
        }

        if (!AccessScope.Of(http).SeesDevice(site, device))
        {
            return NoKey($"the key registry '{Path.GetFullPath(keys.Value.KeyRegistryPath)}' lists no public key for {site}/{device}");
        }

        try
        {
            // The trust context writes findings by name, the form `gz verify --api` reads.
            var result = await verifier.VerifyAsync(site, device, start.ToUniversalTime(), end.ToUniversalTime(), cancellationToken);
            return TypedResults.Json(result, GzTrustJsonContext.Default.ChainVerification);
        }
        catch (KeyNotFoundException ex)
        {
            return NoKey(ex.Message);
        }
        catch (Exception ex) when (ex is FileNotFoundException or InvalidDataException)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status500InternalServerError, title: "The key registry cannot be used");
        }
        catch (InfluxDbUnavailableException ex)
        {
            return ApiProblems.InfluxUnavailable(ex);
        }
    }

    private static ProblemHttpResult NoKey(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "No public key for this device");
}
