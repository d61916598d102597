using Microsoft.Extensions.Logging;

namespace GzAiEdge.Inference;

/// <summary>The inference library's log messages (event ids 3000–3099).</summary>
internal static partial class InferenceLog
{
    [LoggerMessage(3000, LogLevel.Information, "Model {Model} loaded from {Path}: runs on {Providers} with {Threads} intra-op threads")]
    public static partial void SessionOpened(ILogger logger, string model, string path, string providers, int threads);
}
