using GzAiEdge.Access.Scoping;
using Microsoft.AspNetCore.Routing;

namespace GzAiEdge.Cloud.Api;

public static class ApiConventionServiceExtensions
{
    /// <summary>
    /// RFC 7807 problem details for every error, the OpenAPI document at <c>/openapi/v1.json</c>, and 400 problems
    /// that name unbindable query values.
    /// </summary>
    public static IHostApplicationBuilder AddApiConventions(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.AddSingleton<IObservedDevices, RegistryDevices>();
        return builder;
    }
}
