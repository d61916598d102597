using System.Net.Http.Json;
using System.Text;
using GzAiEdge.Cloud.Live;
using GzAiEdge.Mqtt;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Cloud.Alerts;

/// <summary>
/// Sends an alert change everywhere it is wanted: this instance's live streams, the broker
/// (<c>gz/v1/alerts</c>, QoS 1, for other instances and for site systems) and the optional webhook.
/// A broker or webhook failure is logged and never blocks evaluation: the alert is stored already.
/// </summary>
public sealed class AlertPublisher(
    LiveHub hub,
    LiveClient feed,
    IHttpClientFactory http,
    IOptions<AlertOptions> options,
    ILogger<AlertPublisher> logger)
{
    public const string WebhookClient = "alerts-webhook";

    public async Task PublishAsync(AlertView alert, CancellationToken cancellationToken)
    {
        if (alert.Active && alert.AcknowledgedAt is null)
        {
            LiveLog.AlertRaised(logger, alert.Id, alert.Message);
        }
        else if (!alert.Active)
        {
            LiveLog.AlertResolved(logger, alert.Id, alert.Message);
        }

        var json = LiveMessageHandler.Serialize(alert);
        hub.Publish(new LiveEvent(LiveEvent.Alert, alert.Scenario, alert.Site, json));
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            var client = await feed.Connected.WaitAsync(timeout.Token);
            await client.PublishAsync(new MqttApplicationMessage(LiveFeedService.AlertTopic, Encoding.UTF8.GetBytes(json)), timeout.Token);
        }
        catch (Exception ex) when (ex is MqttException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LiveLog.AlertNotPublished(logger, alert.Id, LiveFeedService.AlertTopic, ex.Message);
        }

        if (options.Value.WebhookUrl is { Length: > 0 } url)
        {
            // Not awaited: a slow webhook must not hold up the next report's evaluation.
            _ = PostAsync(new Uri(url), alert);
        }
    }

    private async Task PostAsync(Uri url, AlertView alert)
    {
        try
        {
            using var response = await http.CreateClient(WebhookClient).PostAsJsonAsync(url, alert, LiveMessageHandler.Json);
            if (!response.IsSuccessStatusCode)
            {
                LiveLog.AlertNotPublished(logger, alert.Id, url.ToString(), $"HTTP {(int)response.StatusCode}");
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            LiveLog.AlertNotPublished(logger, alert.Id, url.ToString(), ex.Message);
        }
    }
}
