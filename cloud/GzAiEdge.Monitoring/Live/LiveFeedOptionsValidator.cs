using GzAiEdge.Ingestion;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Monitoring.Live;

/// <summary>
/// Fails the start when the live feed is on and ingestion off: the feed subscribes only once this instance's
/// ingestion holds its shared subscription (<see cref="IngestionConnection"/> says why), so it would wait for ever.
/// </summary>
public sealed class LiveFeedOptionsValidator(IOptions<IngestionOptions> ingestion) : IValidateOptions<LiveFeedOptions>
{
    public ValidateOptionsResult Validate(string? name, LiveFeedOptions options)
    {
        if (options.KeepAliveSeconds is < 1 or > 3600)
        {
            return ValidateOptionsResult.Fail($"LiveFeed:KeepAliveSeconds = {options.KeepAliveSeconds} must be within 1..3600 (seconds between keep-alive comments on a quiet live stream)");
        }

        return !options.Enabled || ingestion.Value.Enabled
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("LiveFeed:Enabled = true needs Ingestion:Enabled = true (the live feed subscribes behind this instance's ingestion); set LiveFeed:Enabled = false as well");
    }
}
