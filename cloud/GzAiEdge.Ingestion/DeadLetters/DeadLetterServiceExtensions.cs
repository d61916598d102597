using GzAiEdge.Configuration;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Ingestion.DeadLetters;

public static class DeadLetterServiceExtensions
{
    /// <summary>The dead-letter store (config section <c>DeadLetters</c>, a SQLite file).</summary>
    public static IHostApplicationBuilder AddDeadLetters(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DeadLetterOptions>().BindConfiguration(DeadLetterOptions.Section);
        builder.Services.AddBoundSection<DeadLetterOptions>(DeadLetterOptions.Section);
        builder.Services.AddSingleton<IDeadLetterStore>(sp => new SqliteDeadLetterStore(Path.GetFullPath(sp.GetRequiredService<IOptions<DeadLetterOptions>>().Value.Path)));
        return builder;
    }
}
