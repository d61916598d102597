using GzAiEdge.Hosting.Tls;

namespace GzAiEdge.Cloud.Hosting;

/// <summary>
/// At start, the end date of every certificate Kestrel is configured with (<c>Kestrel:Endpoints:{name}:Certificate:Path</c>
/// and <c>Kestrel:Certificates:Default:Path</c>): an error when one has expired, a warning within
/// <see cref="CertificateExpiry.WarnWithin"/>. Kestrel itself serves an expired certificate without a word.
/// </summary>
public static class HttpsCertificateCheck
{
    public static WebApplication CheckHttpsCertificates(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HttpsCertificateCheck));
        var kestrel = app.Configuration.GetSection("Kestrel");
        var configured = kestrel.GetSection("Endpoints").GetChildren().Select(e => (Endpoint: e.Key, Path: e["Certificate:Path"]))
            .Append(("Default", kestrel["Certificates:Default:Path"]));
        foreach (var (endpoint, path) in configured)
        {
            if (path is null || !File.Exists(path))
            {
                continue;
            }

            var notAfter = CertificateExpiry.NotAfter(path);
            var now = DateTimeOffset.UtcNow;
            switch (CertificateExpiry.StateAt(notAfter, now))
            {
                case CertificateState.Expired:
                    CloudLog.CertificateExpired(logger, path, endpoint, notAfter);
                    break;
                case CertificateState.ExpiresSoon:
                    CloudLog.CertificateExpiresSoon(logger, path, endpoint, notAfter, (notAfter - now).TotalDays);
                    break;
            }
        }

        return app;
    }
}
