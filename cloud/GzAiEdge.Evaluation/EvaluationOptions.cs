namespace GzAiEdge.Evaluation;

/// <summary>Where the programme's catalogue and scenario types are (configuration section <c>Evaluation</c>).</summary>
// Setters, not init: the configuration binding source generator silently skips init-only properties.
public sealed record EvaluationOptions
{
    public const string Section = "Evaluation";

    /// <summary>The catalogue; unset means the cloud's own (<c>Catalogue:Path</c>).</summary>
    public string? CataloguePath { get; set; }

    /// <summary>The scenario type folder; unset means <c>types/</c> beside the catalogue.</summary>
    public string? TypesPath { get; set; }

    /// <summary>Scenarios evaluated at once when the whole programme is evaluated (one InfluxDB request each).</summary>
    public int Parallelism { get; set; } = 4;

    /// <summary>The longest period an evaluation or a verification may span (each is a read of every report in it).</summary>
    public int MaxPeriodDays { get; set; } = 400;

    /// <summary>The SQLite file of published leaderboards.</summary>
    public string PublishedPath { get; set; } = "published-leaderboards.db";
}
