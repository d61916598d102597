namespace GzAiEdge.Cloud.Hosting;

/// <summary>The cloud host's own log lines (event ids 9000–9099: hosting).</summary>
internal static partial class CloudLog
{
    [LoggerMessage(9000, LogLevel.Warning, "sd_notify to {Socket} failed: {Reason}")]
    public static partial void SystemdNotifyFailed(ILogger logger, string socket, string reason);

    [LoggerMessage(9001, LogLevel.Warning, "The HTTPS certificate {Path} (endpoint {Endpoint}) expires on {Expires:u}, in {Days:0} days: renew it (docs/operations.md, HTTPS)")]
    public static partial void CertificateExpiresSoon(ILogger logger, string path, string endpoint, DateTimeOffset expires, double days);

    [LoggerMessage(9002, LogLevel.Error, "The HTTPS certificate {Path} (endpoint {Endpoint}) expired on {Expires:u}: browsers and clients refuse it; renew it (docs/operations.md, HTTPS)")]
    public static partial void CertificateExpired(ILogger logger, string path, string endpoint, DateTimeOffset expires);
}
