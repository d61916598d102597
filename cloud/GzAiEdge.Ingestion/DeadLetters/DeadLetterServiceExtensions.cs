namespace GzAiEdge.Ingestion.DeadLetters;

public static class DeadLetterServiceExtensions
{
    /// <summary>The dead-letter store (config key <c>DeadLetters:Path</c>, a SQLite file).</summary>
    public static IHostApplicationBuilder AddDeadLetters(this IHostApplicationBuilder builder)
    {
        var path = builder.Configuration["DeadLetters:Path"] ?? "dead-letters.db";
        builder.Services.AddSingleton<IDeadLetterStore>(_ => new SqliteDeadLetterStore(Path.GetFullPath(path)));
        return builder;
    }
}
