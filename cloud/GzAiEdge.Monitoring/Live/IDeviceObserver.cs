using GzAiEdge.Contracts.Messages;

namespace GzAiEdge.Monitoring.Live;

/// <summary>
/// Told of each KPI report and each state change the live feed sees, after the registry took it, in the
/// feed's receive loop (so one awaits before the next message is handled). Live is the lower layer: it
/// knows every device's traffic and nothing of what is judged from it. Alerts, and whatever else judges
/// devices, observe it from above, so that the live feed runs and is tested without them, and an instance
/// with alerts off is simply one without observers. The other way round, alerts reach the live streams
/// through <see cref="ILiveEvents"/> and the broker through <see cref="ILivePublisher"/>.
/// </summary>
public interface IDeviceObserver
{
    /// <param name="report">The report, valid by the contract.</param>
    /// <param name="device">The reporting device as the registry holds it now, this report included.</param>
    Task OnKpiAsync(KpiReport report, DeviceView device, CancellationToken cancellationToken);

    /// <param name="device">The device as the registry holds it now, its new state included.</param>
    Task OnStateAsync(DeviceView device, CancellationToken cancellationToken);

    /// <summary>A device went over its quota (<paramref name="reason"/> says which limit), or came back within it (null).</summary>
    /// <param name="site">The device's site, from the topic it sent on.</param>
    /// <param name="device">The device, from the topic it sent on.</param>
    /// <param name="known">The device as the registry holds it, or null when it never sent a valid message.</param>
    /// <param name="reason">Why its messages are refused, or null once they are accepted again.</param>
    Task OnQuotaAsync(string site, string device, DeviceView? known, string? reason, CancellationToken cancellationToken);
}
