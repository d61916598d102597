using GzAiEdge.Access;
using GzAiEdge.Access.Authorization;
using GzAiEdge.AuditLog;
using GzAiEdge.FieldAudits.Items;
using GzAiEdge.FieldAudits.Labels;
using GzAiEdge.FieldAudits.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GzAiEdge.Cloud.Api;

/// <summary>
/// Field audits for evaluators: the labelling queue, one sampled item (its input and the device's outputs), submitting a
/// label, and the agreement between evaluators. Labels are the evaluators' alone: no other role reads this API, and the
/// field KPIs computed from the labels reach a provider only through evaluation.
/// </summary>
public static class FieldAuditsApi
{
    public static IEndpointRouteBuilder MapFieldAuditsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/field-audits").WithTags("Field audits").RequireAuthorization(Policies.Evaluator);
        group.MapGet("/queue", Queue);
        group.MapGet("/items", List);
        group.MapGet("/items/{id}", Get);
        group.MapGet("/items/{id}/input", Input);
        group.MapPut("/items/{id}/label", LabelAsync);
        group.MapGet("/agreement", AgreementOf);
        return app;
    }

    /// <summary>The caller's queue: received items they have not labelled, oldest window first.</summary>
    public static Results<Ok<QueueView>, ValidationProblem> Queue(HttpContext http, FieldItemStore items, LabelStore labels, string? scenario, int? limit)
    {
        var checks = new ApiChecks();
        checks.Id("scenario", scenario);
        var (_, take) = checks.Paging(0, limit, 50);
        if (checks.Failed)
        {
            return TypedResults.ValidationProblem(checks.Errors);
        }

        var evaluator = Caller.From(http.User).Name;
        var (received, labelled) = labels.Progress(evaluator, scenario);
        var queue = items.Unlabelled(evaluator, scenario, take).Select(i => ItemView.Summary(i, labels.Of(i.Id).Count)).ToList();
        return TypedResults.Ok(new QueueView(received, labelled, queue));
    }

    /// <summary>Every sampled item with its outcome (received, refused with the reason, evicted, unanswered, requested).</summary>
    public static Results<Ok<IReadOnlyList<QueueItemStateView>>, ValidationProblem> List(FieldItemStore items, LabelStore labels, string? scenario, string? state)
    {
        var checks = new ApiChecks();
        checks.Id("scenario", scenario);
        if (state is not null && !FieldItemStates.All.Contains(state))
        {
            checks.Add("state", $"state '{state}' is not one of {string.Join(", ", FieldItemStates.All)}");
        }

        if (checks.Failed)
        {
            return TypedResults.ValidationProblem(checks.Errors);
        }

        return TypedResults.Ok<IReadOnlyList<QueueItemStateView>>([.. items.List(scenario, state).Select(i => new QueueItemStateView(ItemView.Summary(i, labels.Of(i.Id).Count), i.State, i.Reason))]);
    }

    public static Results<Ok<ItemView>, ProblemHttpResult> Get(HttpContext http, FieldItemStore items, LabelStore labels, string id) =>
        items.Find(id) is { } item
            ? TypedResults.Ok(ItemView.Of(item, labels.Of(id), Caller.From(http.User).Name))
            : ApiProblems.NotFound($"no field-audit item {id}");

    /// <summary>The item's input as the device uploaded it: <c>image/png</c>, or raw float32 little-endian samples.</summary>
    public static Results<PhysicalFileHttpResult, ProblemHttpResult> Input(FieldItemStore items, FieldAuditStore store, string id) =>
        items.Find(id) is { InputSha256: { } sha, Shape: { } shape } && File.Exists(store.Blobs.PathOf(sha))
            ? TypedResults.PhysicalFile(store.Blobs.PathOf(sha), shape.MediaType)
            : ApiProblems.NotFound($"no input for field-audit item {id} (not sampled, or not received)");

    /// <summary>Stores the caller's label of a received item (replacing their earlier one), with who and when.</summary>
    public static async Task<Results<Ok<FieldLabel>, ValidationProblem, ProblemHttpResult>> LabelAsync(
        HttpContext http, FieldItemStore items, LabelStore labels, TimeProvider clock, string id, LabelInput? label)
    {
        if (items.Find(id) is not { } item)
        {
            return ApiProblems.NotFound($"no field-audit item {id}");
        }

        if (item.State != FieldItemStates.Received)
        {
            return TypedResults.Problem($"item {id} is {item.State}{(item.Reason is null ? string.Empty : $" ({item.Reason})")}: only received items are labelled",
                statusCode: StatusCodes.Status409Conflict, title: "Item cannot be labelled");
        }

        var errors = LabelRules.Check(item, label);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var stored = new FieldLabel(id, Caller.From(http.User).Name, clock.GetUtcNow(), label!.Boxes, label.Class, label.Anomaly, label.Note);
        labels.Put(stored);
        await http.AuditAsync("field-audit.label", id, AuditOutcomes.Done, Describe(stored));
        return TypedResults.Ok(stored);
    }

    /// <summary>Agreement between evaluators per pipeline (Cohen's kappa; box agreement and IoU).</summary>
    public static Results<Ok<IReadOnlyList<AgreementView>>, ValidationProblem> AgreementOf(FieldItemStore items, LabelStore labels, string? scenario)
    {
        var checks = new ApiChecks();
        checks.Id("scenario", scenario);
        return checks.Failed
            ? TypedResults.ValidationProblem(checks.Errors)
            : TypedResults.Ok(Agreement.Of(items.List(scenario, FieldItemStates.Received), labels.OfScenario(scenario)));
    }

    private static string Describe(FieldLabel label) =>
        label.Boxes is { } boxes ? $"{boxes.Count} boxes" : label.Class is { } c ? $"class {c}" : $"anomaly {(label.Anomaly == true ? "yes" : "no")}";
}

/// <summary>A sampled item with its outcome and the outcome's reason.</summary>
public sealed record QueueItemStateView(QueueItemView Item, string State, string? Reason);
