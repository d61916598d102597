using System.Threading.RateLimiting;
using GzAiEdge.Access;
using GzAiEdge.Cloud.Hosting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Cloud.Api;

/// <summary>
/// The rate limiter's policies: expensive endpoints (each reads every report of a period) per caller, sign-in per
/// client address (<see cref="AccessServiceExtensions.SignInRateLimit"/>). A refused request gets 429 with problem details.
/// </summary>
public static class ApiLimits
{
    public const string ExpensiveRateLimit = "expensive";

    public static IServiceCollection AddApiLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, _) =>
            {
                context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = { Status = 429, Title = "Too many requests", Detail = "this kind of request is rate-limited; wait a minute and try again" },
                });
            };
            o.AddPolicy(ExpensiveRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                Caller.From(context.User).AuditName + "@" + AuditTrail.From(context),
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = context.RequestServices.GetRequiredService<IOptions<ApiHardeningOptions>>().Value.ExpensivePerMinute,
                    Window = TimeSpan.FromMinutes(1),
                }));
        });
        return services;
    }
}
