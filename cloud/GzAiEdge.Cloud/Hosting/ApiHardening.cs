using GzAiEdge.Cloud.Api;
using GzAiEdge.Configuration;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Cloud.Hosting;

/// <summary>
/// What every response and request gets, whoever calls: security headers (a content security policy allowing only this
/// origin and no framing), HSTS on HTTPS, a request body limit, and the rate limiter's policies. The allowed host names
/// are the framework's own <c>AllowedHosts</c> setting (appsettings.json lists loopback; a site lists its own name), so
/// a DNS-rebinding page in someone's browser cannot reach the API under a name of its own.
/// </summary>
public static class ApiHardening
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IHostApplicationBuilder AddApiHardening(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ApiHardeningOptions>().BindConfiguration(ApiHardeningOptions.Section)
            .Validate(o => o.MaxRequestBodyBytes is >= 1024 and <= 1L << 32, $"{ApiHardeningOptions.Section}:MaxRequestBodyBytes must be within 1024..{1L << 32}")
            .Validate(o => o.ExpensivePerMinute is >= 1 and <= 100_000, $"{ApiHardeningOptions.Section}:ExpensivePerMinute must be within 1..100000")
            .ValidateOnStart();
        builder.Services.AddBoundSection<ApiHardeningOptions>(ApiHardeningOptions.Section);
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<ApiHardeningOptions>>((kestrel, api) => kestrel.Limits.MaxRequestBodySize = api.Value.MaxRequestBodyBytes);
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(180));
        builder.Services.AddApiLimits();
        return builder;
    }

    public static WebApplication UseApiHardening(this WebApplication app)
    {
        // Only on HTTPS responses (and never for localhost), as RFC 6797 wants; a site serving https gets it by configuring a certificate.
        app.UseHsts();
        var maxBody = app.Services.GetRequiredService<IOptions<ApiHardeningOptions>>().Value.MaxRequestBodyBytes;
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            // Kestrel stops a longer body as it arrives; a declared length over the limit is answered at once, and in words.
            // An endpoint that takes more says so with its own size-limit metadata (an audit answer: Audits:MaxAnswerBytes).
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? maxBody;
            if (context.Request.ContentLength > limit)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = { Status = 413, Title = "Request body too large", Detail = $"the body has {context.Request.ContentLength} bytes; at most {limit} are accepted (Api:MaxRequestBodyBytes)" },
                });
                return;
            }

            await next(context);
        });
        return app;
    }
}
