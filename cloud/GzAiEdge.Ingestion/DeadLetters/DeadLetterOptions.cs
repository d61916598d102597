namespace GzAiEdge.Ingestion.DeadLetters;

/// <summary>Where refused messages are kept, and how much of them (config section <c>DeadLetters</c>).</summary>
// Setters, not init: the configuration binding source generator silently skips init-only properties.
public sealed record DeadLetterOptions
{
    public const string Section = "DeadLetters";

    /// <summary>The SQLite file; relative paths are taken from the working directory.</summary>
    public string Path { get; set; } = "dead-letters.db";

    /// <summary>Letters older than this are removed (and counted).</summary>
    public int MaxAgeDays { get; set; } = 90;

    /// <summary>
    /// The store's bound: when its letters count more bytes, the oldest are removed (and counted), so that a device
    /// sending garbage cannot fill the cloud's disk.
    /// </summary>
    public long MaxTotalBytes { get; set; } = 1L << 30;

    /// <summary>Longest payload kept whole; a longer one is kept cut to this length, with its length and SHA-256.</summary>
    public int MaxPayloadBytes { get; set; } = 64 * 1024;
}
