using GzAiEdge.Ingestion;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Monitoring.Live;

/// <summary>
/// Fails the start when the live feed is on and ingestion off: the feed subscribes only once this instance's
/// ingestion holds its shared subscription (<see cref="IngestionConnection"/> says why), so it would wait for ever.
/// </summary>
public sealed class LiveFeedOptionsValidator(IOptions<IngestionOptions> ingestion) : IValidateOptions<LiveFeedOptions>
{
    public ValidateOptionsResult Validate(string? name, LiveFeedOptions options) =>
        !options.Enabled || ingestion.Value.Enabled
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("LiveFeed:Enabled = true needs Ingestion:Enabled = true (the live feed subscribes behind this instance's ingestion); set LiveFeed:Enabled = false as well");
}
