using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace GzAiEdge.Hosting.Systemd;

/// <summary>
/// The service manager's notification socket, spoken without libsystemd (sd_notify(3)): each state is one
/// datagram of newline-separated <c>VARIABLE=value</c> lines to the <c>AF_UNIX</c> socket in <c>$NOTIFY_SOCKET</c>
/// (a path, or an abstract name written with a leading '@'). The edge worker and the cloud each decide what they report.
/// </summary>
public sealed class SystemdNotifier : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    private readonly UnixDomainSocketEndPoint _endpoint;

    /// <summary>A notifier of <paramref name="socket"/> (as <c>$NOTIFY_SOCKET</c> names it).</summary>
    /// <param name="socket">A socket path, or an abstract socket name with a leading '@'.</param>
    /// <param name="watchdogTimeout">The unit's <c>WatchdogSec=</c>, when this process must feed the watchdog.</param>
    public SystemdNotifier(string socket, TimeSpan? watchdogTimeout)
    {
        // sd_notify(3): "@" at the start names a socket in the abstract namespace, written as a leading NUL.
        _endpoint = new UnixDomainSocketEndPoint(socket.StartsWith('@') ? "\0" + socket[1..] : socket);
        Socket = socket;
        WatchdogTimeout = watchdogTimeout;
    }

    /// <summary>The socket as <c>$NOTIFY_SOCKET</c> names it.</summary>
    public string Socket { get; }

    /// <summary>
    /// <c>WatchdogSec=</c> of the unit (from <c>$WATCHDOG_USEC</c>), when it asks this process to keep the watchdog
    /// fed; the process must send <c>WATCHDOG=1</c> more often than this (sd_watchdog_enabled(3) suggests half).
    /// </summary>
    public TimeSpan? WatchdogTimeout { get; }

    /// <summary>
    /// The notifier systemd asked for through the environment, or null when the process was not started by it
    /// as a <c>Type=notify</c> service.
    /// </summary>
    /// <param name="environment">The process environment (<c>NOTIFY_SOCKET</c>, <c>WATCHDOG_USEC</c>, <c>WATCHDOG_PID</c>).</param>
    /// <param name="processId">This process's id, which <c>WATCHDOG_PID</c> must name when set.</param>
    /// <exception cref="InvalidDataException"><c>$WATCHDOG_USEC</c> is not a positive number of microseconds.</exception>
    public static SystemdNotifier? FromEnvironment(IReadOnlyDictionary<string, string?> environment, int processId)
    {
        if (environment.GetValueOrDefault("NOTIFY_SOCKET") is not { Length: > 0 } socket)
        {
            return null;
        }

        TimeSpan? watchdog = null;
        // sd_watchdog_enabled(3): WATCHDOG_PID, when set, names the one process the watchdog is meant for.
        var pid = environment.GetValueOrDefault("WATCHDOG_PID");
        if (environment.GetValueOrDefault("WATCHDOG_USEC") is { Length: > 0 } usec
            && (string.IsNullOrEmpty(pid) || pid == processId.ToString(CultureInfo.InvariantCulture)))
        {
            watchdog = long.TryParse(usec, NumberStyles.None, CultureInfo.InvariantCulture, out var micros) && micros > 0
                ? TimeSpan.FromMicroseconds(micros)
                : throw new InvalidDataException($"WATCHDOG_USEC='{usec}' is not a positive number of microseconds (systemd sets it from WatchdogSec=)");
        }

        return new SystemdNotifier(socket, watchdog);
    }

    /// <summary>Sends one notification, e.g. <c>READY=1\nSTATUS=running</c>.</summary>
    /// <exception cref="SocketException">The socket is gone or refused the datagram.</exception>
    public void Send(string state) => _socket.SendTo(Encoding.UTF8.GetBytes(state), SocketFlags.None, _endpoint);

    /// <summary>The notifier of this process's own environment, or null when systemd did not ask for one.</summary>
    /// <exception cref="InvalidDataException"><c>$WATCHDOG_USEC</c> is set but not a positive number.</exception>
    public static SystemdNotifier? FromProcessEnvironment() =>
        FromEnvironment(Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value, StringComparer.Ordinal), Environment.ProcessId);

    /// <summary>Closes the socket.</summary>
    public void Dispose() => _socket.Dispose();
}
