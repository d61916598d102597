using System.Globalization;
using GzAiEdge.Scenarios.Catalogue;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GzAiEdge.Cloud.Api;

/// <summary>The <c>from</c>/<c>to</c> period of evaluations and verifications: both or neither, ordered, and no longer than the configured span.</summary>
internal static class ApiPeriods
{
    /// <summary>Null when the period is good (in <paramref name="period"/>; <paramref name="fallback"/> when neither end is given).</summary>
    public static ValidationProblem? Parse(string? from, string? to, DemonstrationPeriod? fallback, TimeSpan maxSpan, out DemonstrationPeriod? period)
    {
        period = fallback;
        var checks = new ApiChecks();
        if (from is not null || to is not null)
        {
            var start = Time(checks, "from", from);
            var end = Time(checks, "to", to);
            if (!checks.Failed && end <= start)
            {
                checks.Add("to", "to must be after from");
            }

            if (!checks.Failed)
            {
                period = new DemonstrationPeriod(start!.Value, end!.Value);
            }
        }

        if (!checks.Failed && period is { } p && p.To - p.From > maxSpan)
        {
            checks.Add("to", $"the period spans {(p.To - p.From).TotalDays:0.#} days; at most {maxSpan.TotalDays:0} may be evaluated at once (Evaluation:MaxPeriodDays)");
        }

        return checks.Failed ? TypedResults.ValidationProblem(checks.Errors) : null;
    }

    private static DateTimeOffset? Time(ApiChecks checks, string name, string? text)
    {
        if (text is null)
        {
            checks.Add(name, $"{name} is required when the other end of the period is given");
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }

        checks.Add(name, $"{name} '{text}' is not an ISO 8601 time, e.g. 2026-03-01T00:00:00Z");
        return null;
    }
}
