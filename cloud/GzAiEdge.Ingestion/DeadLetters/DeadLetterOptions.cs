namespace GzAiEdge.Ingestion.DeadLetters;

/// <summary>Where refused messages are kept (config section <c>DeadLetters</c>).</summary>
// Setters, not init: the configuration binding source generator silently skips init-only properties.
public sealed record DeadLetterOptions
{
    public const string Section = "DeadLetters";

    /// <summary>The SQLite file; relative paths are taken from the working directory.</summary>
    public string Path { get; set; } = "dead-letters.db";
}
