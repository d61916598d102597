using Microsoft.Extensions.Logging;

namespace GzAiEdge.Evaluation.Evidence;

/// <summary>Log messages of the evidence indexer (event ids 7500–7519).</summary>
internal static partial class EvidenceLog
{
    [LoggerMessage(7500, LogLevel.Debug, "Evidence indexed for {Devices} devices over {Days} days in {Elapsed}")]
    public static partial void Indexed(ILogger logger, int devices, int days, TimeSpan elapsed);

    [LoggerMessage(7501, LogLevel.Warning, "Evidence indexing failed ({Reason}); retrying in {Delay}")]
    public static partial void Failed(ILogger logger, string reason, TimeSpan delay);
}
