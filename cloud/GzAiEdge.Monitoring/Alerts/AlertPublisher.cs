using System.Threading.Channels;
using GzAiEdge.Monitoring.Live;

namespace GzAiEdge.Monitoring.Alerts;

/// <summary>
/// Shows an alert change on this instance's live streams at once and queues it for the broker and
/// the webhook (<see cref="AlertDeliveryService"/>). Queued, not awaited: evaluation runs inside
/// the live feed's receive loop, and waiting there for a PUBACK that the same client must read
/// would stall the feed whenever its receive buffer is full. The queue is unbounded because alert
/// changes are rare (deduplicated per rule and device) and each must be delivered, not dropped.
/// </summary>
public sealed class AlertPublisher(ILiveEvents live, ILogger<AlertPublisher> logger)
{
    private readonly Channel<AlertView> _pending = Channel.CreateUnbounded<AlertView>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<AlertView> Pending => _pending.Reader;

    public void Publish(AlertView alert)
    {
        if (!alert.Active)
        {
            AlertLog.AlertResolved(logger, alert.Id, alert.Message);
        }
        else if (alert.AcknowledgedAt is null)
        {
            AlertLog.AlertRaised(logger, alert.Id, alert.Message);
        }

        live.Publish(new LiveEvent(LiveEvent.Alert, alert.Scenario, alert.Site, LiveJson.Serialize(alert)) { DeviceId = alert.Device });
        _pending.Writer.TryWrite(alert);
    }
}
