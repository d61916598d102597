using Microsoft.AspNetCore.Http.HttpResults;

namespace GzAiEdge.Cloud.Api;

/// <summary>The problem details the API areas answer with besides validation problems.</summary>
internal static class ApiProblems
{
    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(what, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static ProblemHttpResult InfluxUnavailable(Exception ex) =>
        TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "InfluxDB is unavailable");
}
