using GzAiEdge.Access.Authorization;
using GzAiEdge.Access.Scoping;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Validation;
using GzAiEdge.DeviceManagement.Models;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GzAiEdge.Cloud.Api;

/// <summary>
/// The model repository: signed manifests and the model files devices download for <c>model.update</c>. A model belongs
/// to a provider (<see cref="ModelRepository.Owner"/>): their people and their scenarios' devices see it; evaluators and
/// admins see all. One the caller may not see answers as if the repository did not hold it.
/// </summary>
public static class ModelsApi
{
    public static IEndpointRouteBuilder MapModelsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/models").WithTags("Models").RequireAuthorization(Policies.Either(Policies.Provider, Policies.Device));
        group.MapGet("/", List);
        group.MapGet("/{name}/{version}", Get);
        group.MapGet("/{name}/{version}/content", GetContent);
        return app;
    }

    public static Results<Ok<Page<ModelManifest>>, ValidationProblem> List(HttpContext http, ModelRepository models, int? offset, int? limit)
    {
        var checks = new ApiChecks();
        var (skip, take) = checks.Paging(offset, limit);
        return checks.Failed ? TypedResults.ValidationProblem(checks.Errors) : TypedResults.Ok(Page<ModelManifest>.Of([.. models.List().Where(m => AccessScope.Of(http).SeesModel(models.Owner(m.Name)))], skip, take));
    }

    public static Results<Ok<ModelManifest>, ValidationProblem, ProblemHttpResult> Get(HttpContext http, ModelRepository models, string name, string version)
    {
        if (Check(name, version) is { } invalid)
        {
            return invalid;
        }

        return Find(models, name, version, out var manifest, AccessScope.Of(http)) is { } problem ? problem : TypedResults.Ok(manifest!);
    }

    /// <summary>The model file, with its length (and range requests, so that a device could resume).</summary>
    public static Results<PhysicalFileHttpResult, ValidationProblem, ProblemHttpResult> GetContent(HttpContext http, ModelRepository models, string name, string version)
    {
        if (Check(name, version) is { } invalid)
        {
            return invalid;
        }

        if (Find(models, name, version, out _, AccessScope.Of(http)) is { } problem)
        {
            return problem;
        }

        var path = models.ContentPath(name, version);
        return File.Exists(path)
            ? TypedResults.PhysicalFile(path, "application/octet-stream", enableRangeProcessing: true)
            : ApiProblems.NotFound($"model {name} {version} has a manifest but no {ModelRepository.ContentFile} in the repository");
    }

    /// <summary>Null when the repository holds the version (it is in <paramref name="manifest"/>), else the problem to answer.</summary>
    internal static ProblemHttpResult? Find(ModelRepository models, string name, string version, out ModelManifest? manifest, AccessScope? scope = null)
    {
        try
        {
            manifest = models.Find(name, version);
        }
        catch (InvalidDataException ex)
        {
            manifest = null;
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status500InternalServerError, title: "Damaged model manifest");
        }

        if (manifest is not null && scope is not null && !scope.SeesModel(models.Owner(name)))
        {
            manifest = null;
        }

        return manifest is null ? ApiProblems.NotFound($"model {name} version {version} is not in the repository") : null;
    }

    private static ValidationProblem? Check(string name, string version)
    {
        var checks = new ApiChecks();
        if (ModelManifestValidator.CheckName(name) is { } badName)
        {
            checks.Add("name", $"name {badName}");
        }

        if (ModelManifestValidator.CheckVersion(version) is { } badVersion)
        {
            checks.Add("version", $"version {badVersion}");
        }

        return checks.Failed ? TypedResults.ValidationProblem(checks.Errors) : null;
    }
}
