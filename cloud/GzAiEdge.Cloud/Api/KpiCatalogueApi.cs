using GzAiEdge.Access.Authorization;
using GzAiEdge.Scenarios.Kpis;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GzAiEdge.Cloud.Api;

/// <summary>The KPI catalogue, so that clients (the dashboard) label KPIs from the one definition, not from copies of their own.</summary>
public static class KpiCatalogueApi
{
    // Built once: the catalogue is fixed for the life of the process.
    private static readonly IReadOnlyList<KpiCatalogueEntry> Entries =
        [.. KpiCatalogue.All.Select(k => new KpiCatalogueEntry(k.Key, k.Unit, k.LabelZh, k.LabelEn, k.Kind.Text(), k.Truth?.Text(), k.Meaning))];

    public static IEndpointRouteBuilder MapKpiCatalogueApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/kpis").WithTags("KPIs").MapGet("/catalogue", Get).RequireAuthorization(Policies.Viewer);
        return app;
    }

    public static Ok<IReadOnlyList<KpiCatalogueEntry>> Get() => TypedResults.Ok(Entries);
}

/// <summary>One KPI key as clients show it.</summary>
/// <param name="Kind"><c>monitoring</c>, <c>service</c>, <c>accuracy</c>, <c>diagnostic</c> or <c>outcome</c>.</param>
/// <param name="Truth">For an accuracy KPI, where its truth comes from (<c>audit</c>, <c>field-audit</c>, <c>later-truth</c>); else null.</param>
public sealed record KpiCatalogueEntry(string Key, string Unit, string LabelZh, string LabelEn, string Kind, string? Truth, string Meaning);
