using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Verification;
using GzAiEdge.Evaluation.Verification;
using GzAiEdge.TimeSeries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GzAiEdge.Cloud.Api;

/// <summary>Chain verification of one device over a period, with only its public key: counts and ranges per finding.</summary>
public static class VerificationApi
{
    public static IEndpointRouteBuilder MapVerificationApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/verification").WithTags("Verification").MapGet("/{site}/{device}", VerifyAsync);
        return app;
    }

    /// <summary>Verifies the device's reports whose window ends in [from, to) (default: all stored up to now).</summary>
    public static async Task<Results<JsonHttpResult<ChainVerification>, ValidationProblem, ProblemHttpResult>> VerifyAsync(
        ChainVerificationService verifier, TimeProvider time, string site, string device, DateTimeOffset? from, DateTimeOffset? to,
        CancellationToken cancellationToken)
    {
        var checks = new ApiChecks();
        checks.Id("site", site);
        checks.Id("device", device);
        var start = from ?? DateTimeOffset.UnixEpoch;
        var end = to ?? time.GetUtcNow().AddDays(1);
        if (end <= start)
        {
            checks.Add("to", $"to ({end:O}) must be after from ({start:O})");
        }

        if (checks.Failed)
        {
            return TypedResults.ValidationProblem(checks.Errors);
        }

        try
        {
            // The trust context writes findings by name, the form `gz verify --api` reads.
            var result = await verifier.VerifyAsync(site, device, start.ToUniversalTime(), end.ToUniversalTime(), cancellationToken);
            return TypedResults.Json(result, GzTrustJsonContext.Default.ChainVerification);
        }
        catch (KeyNotFoundException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status404NotFound, title: "No public key for this device");
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
}
