using GzAiEdge.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Ingestion.DeadLetters;

public static class DeadLetterServiceExtensions
{
    /// <summary>The dead-letter store (config section <c>DeadLetters</c>, a SQLite file bounded by age and size).</summary>
    public static IHostApplicationBuilder AddDeadLetters(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DeadLetterOptions>().BindConfiguration(DeadLetterOptions.Section).ValidateOnStart();
        builder.Services.AddBoundSection<DeadLetterOptions>(DeadLetterOptions.Section);
        builder.Services.AddSingleton<IValidateOptions<DeadLetterOptions>, DeadLetterOptionsValidator>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IDeadLetterStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DeadLetterOptions>>().Value;
            return new SqliteDeadLetterStore(Path.GetFullPath(options.Path), options, sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<SqliteDeadLetterStore>>());
        });
        return builder;
    }
}
