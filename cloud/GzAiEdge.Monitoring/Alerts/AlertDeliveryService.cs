using System.Net.Http.Json;
using System.Text;
using GzAiEdge.Monitoring.Live;
using GzAiEdge.Mqtt;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Monitoring.Alerts;

/// <summary>
/// Delivers queued alert changes to the broker (<see cref="AlertTopic"/>, QoS 1, for other cloud
/// instances and site systems) and to the optional webhook. A failure is logged and the next alert
/// goes on: the alert is stored already and shown live, so the outlets are best effort.
/// </summary>
public sealed class AlertDeliveryService(
    AlertPublisher publisher,
    ILivePublisher feed,
    TimeProvider time,
    IHttpClientFactory http,
    IOptions<AlertOptions> options,
    ILogger<AlertDeliveryService> logger) : BackgroundService
{
    public const string WebhookClient = "alerts-webhook";
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var webhook = options.Value.WebhookUrl is { Length: > 0 } url ? new Uri(url) : null;
        await foreach (var alert in publisher.Pending.ReadAllAsync(stoppingToken))
        {
            var json = LiveJson.Serialize(alert);
            try
            {
                using var timeout = new CancellationTokenSource(PublishTimeout, time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
                await feed.PublishAsync(new MqttApplicationMessage(AlertTopic.Name, Encoding.UTF8.GetBytes(json)), linked.Token);
            }
            catch (Exception ex) when (ex is MqttException or OperationCanceledException && !stoppingToken.IsCancellationRequested)
            {
                AlertLog.AlertNotPublished(logger, alert.Id, AlertTopic.Name, ex.Message);
            }

            if (webhook is not null)
            {
                await PostAsync(webhook, alert, stoppingToken);
            }
        }
    }

    private async Task PostAsync(Uri url, AlertView alert, CancellationToken stoppingToken)
    {
        try
        {
            using var response = await http.CreateClient(WebhookClient).PostAsJsonAsync(url, alert, LiveJson.Options, stoppingToken);
            if (!response.IsSuccessStatusCode)
            {
                AlertLog.AlertNotPublished(logger, alert.Id, url.ToString(), $"HTTP {(int)response.StatusCode}");
            }
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !stoppingToken.IsCancellationRequested))
        {
            AlertLog.AlertNotPublished(logger, alert.Id, url.ToString(), ex.Message);
        }
    }
}
