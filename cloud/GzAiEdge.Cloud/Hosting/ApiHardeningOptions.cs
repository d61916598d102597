namespace GzAiEdge.Cloud.Hosting;

/// <summary>Limits on what one request may ask of the cloud (configuration section <c>Api</c>).</summary>
// Setters, not init: the configuration binding source generator silently skips init-only properties.
public sealed record ApiHardeningOptions
{
    public const string Section = "Api";

    /// <summary>The largest request body accepted (an endpoint that takes more says so itself).</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Evaluations, verifications and publications one caller may start per minute.</summary>
    public int ExpensivePerMinute { get; set; } = 30;
}
