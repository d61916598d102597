using GzAiEdge.Access.Authorization;
using GzAiEdge.Audits.TestSets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GzAiEdge.Cloud.Api;

/// <summary>The sealed test sets audits run on: what each version holds and its hashes, never its labels (<c>gz testset import</c> adds them).</summary>
public static class TestSetsApi
{
    public static IEndpointRouteBuilder MapTestSetsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/testsets").WithTags("Audits").RequireAuthorization(Policies.Evaluator);
        group.MapGet("/", (TestSetStore store) => TypedResults.Ok(store.List()));
        group.MapGet("/{name}/{version}", Get);
        return app;
    }

    public static Results<Ok<TestSetRecord>, ProblemHttpResult> Get(TestSetStore store, string name, string version) =>
        store.Find(name, version) is { } record ? TypedResults.Ok(record) : ApiProblems.NotFound($"no test set {name} {version} in the store");
}
