using GzAiEdge.Scenarios.Catalogue;
using GzAiEdge.Scenarios.Programmes;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Evaluation;

/// <summary>
/// Loads the programme (catalogue and types) on first use. Lazily, so that a cloud started with a
/// catalogue meant only for ingestion (no types, sites or periods) still ingests; evaluation
/// requests then answer with the loader's file:line errors.
/// </summary>
public sealed class ProgrammeSource(IOptions<EvaluationOptions> evaluation, IOptions<CatalogueOptions> catalogue)
{
    private readonly Lazy<(Programme? Programme, string? Error)> _loaded = new(() => Load(evaluation.Value, catalogue.Value));

    /// <summary>The catalogue file evaluation uses.</summary>
    public string CataloguePath => evaluation.Value.CataloguePath ?? catalogue.Value.Path;

    /// <summary>The loaded programme, or the reason it cannot be loaded.</summary>
    public (Programme? Programme, string? Error) Get() => _loaded.Value;

    private static (Programme?, string?) Load(EvaluationOptions evaluation, CatalogueOptions programmeCatalogue)
    {
        var catalogue = evaluation.CataloguePath ?? programmeCatalogue.Path;
        var types = evaluation.TypesPath ?? ProgrammeLoader.DefaultTypesFolder(catalogue);
        try
        {
            return (ProgrammeLoader.Load(catalogue, types), null);
        }
        catch (CatalogueException ex)
        {
            return (null, ex.Message);
        }
    }
}
