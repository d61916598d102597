using System.Text;
using System.Text.Json;
using GzAiEdge.Monitoring.Live;

namespace GzAiEdge.Monitoring.Alerts;

/// <summary>
/// <c>gz/v1/alerts</c>: every instance that evaluates rules publishes its alert changes here (for other cloud
/// instances and site systems), and every instance shows the others' on its live streams. Its own arrive
/// directly from <see cref="AlertPublisher"/> (the live feed subscribes with No Local), so each alert is shown once.
/// </summary>
public sealed class AlertTopic(ILiveEvents live, ILogger<AlertTopic> logger) : ILiveTopicHandler
{
    public const string Name = "gz/v1/alerts";

    public string Topic => Name;

    public void Handle(ReadOnlySpan<byte> payload)
    {
        AlertView? alert = null;
        try
        {
            alert = JsonSerializer.Deserialize<AlertView>(payload, LiveJson.Options);
        }
        catch (JsonException ex)
        {
            LiveLog.Ignored(logger, Name, ex.Message);
        }

        if (alert is { Scenario: not null, Site: not null })
        {
            live.Publish(new LiveEvent(LiveEvent.Alert, alert.Scenario, alert.Site, Encoding.UTF8.GetString(payload)) { DeviceId = alert.Device });
        }
    }
}
