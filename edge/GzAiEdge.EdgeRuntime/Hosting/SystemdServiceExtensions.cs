using GzAiEdge.Hosting.Systemd;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GzAiEdge.EdgeRuntime.Hosting;

public static class SystemdServiceExtensions
{
    /// <summary>
    /// sd_notify: READY, WATCHDOG, STATUS and STOPPING to the socket systemd names in <c>$NOTIFY_SOCKET</c>;
    /// nothing when it names none.
    /// </summary>
    /// <exception cref="InvalidDataException"><c>$WATCHDOG_USEC</c> is set but not a positive number.</exception>
    public static IHostApplicationBuilder AddSystemdNotify(this IHostApplicationBuilder builder)
    {
        if (SystemdNotifier.FromProcessEnvironment() is { } notifier)
        {
            builder.Services.AddSingleton(notifier);
            builder.Services.AddHostedService<SystemdNotifyService>();
        }

        return builder;
    }
}
