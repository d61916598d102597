using System.Globalization;
using System.Net.Sockets;
using System.Reflection;
using System.Text.Json;
using GzAiEdge.Hosting.Tls;
using GzAiEdge.TimeSeries;
using GzAiEdge.TimeSeries.Retention;

namespace GzAiEdge.Cli.Doctor;

/// <summary>The checks of a running installation; each adds its verdict to the report and never throws for what it finds.</summary>
internal static class DoctorChecks
{
    private static readonly TimeSpan ClockTolerance = TimeSpan.FromSeconds(5);
    private const long MinFreeBytes = 1L << 30;

    public static async Task PortsAsync(Installation install, DoctorReport report, CancellationToken cancellationToken)
    {
        var https = Uri.TryCreate(install.Setting("Kestrel__Endpoints__Https__Url")?.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal), UriKind.Absolute, out var u) ? u.Port : 0;
        var influx = Uri.TryCreate(install.Setting("InfluxDb__BaseAddress"), UriKind.Absolute, out var i) ? i.Port : 0;
        var broker = int.TryParse(install.Setting("Broker__Port"), CultureInfo.InvariantCulture, out var b) ? b : 0;
        foreach (var (name, port, unit) in new[] { ("cloud HTTPS", https, "gz-cloud"), ("MQTT broker (TLS)", broker, "gz-mosquitto"), ("InfluxDB HTTP", influx, "gz-influxdb") })
        {
            using var client = new TcpClient();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            try
            {
                await client.ConnectAsync("127.0.0.1", port, timeout.Token);
                report.Ok($"{name} listens on 127.0.0.1:{port}");
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException or ArgumentOutOfRangeException)
            {
                report.Fail($"{name}: nothing listens on 127.0.0.1:{port}", $"systemctl status {unit}; journalctl -u {unit} -n 50");
            }
        }
    }

    public static void Certificates(Installation install, IReadOnlyDictionary<string, string> broker, DoctorReport report, DateTimeOffset now)
    {
        Certificate(install, "cloud HTTPS certificate", install.Setting("Kestrel__Endpoints__Https__Certificate__Path"), report, now,
            "install a renewed certificate as /etc/gzaiedge/tls/cloud.crt (and its key as cloud.key), then: systemctl restart gz-cloud");
        Certificate(install, "broker certificate", broker.GetValueOrDefault("certfile"), report, now,
            "issue a new broker certificate (gz provision --site ... --out the same folder), install it as /etc/gzaiedge/pki/broker/broker.crt, then: systemctl restart gz-mosquitto");
    }

    private static void Certificate(Installation install, string name, string? path, DoctorReport report, DateTimeOffset now, string fix)
    {
        if (path is null || !File.Exists(install.Local(path)))
        {
            report.Fail($"{name}: {path ?? "(not configured)"} not found", fix);
            return;
        }

        var expires = CertificateExpiry.NotAfter(install.Local(path));
        switch (CertificateExpiry.StateAt(expires, now))
        {
            case CertificateState.Expired:
                report.Fail($"{name} {path} expired on {expires:u}", fix);
                break;
            case CertificateState.ExpiresSoon:
                report.Warn($"{name} {path} expires on {expires:u}, in {(expires - now).TotalDays:0} days", fix);
                break;
            default:
                report.Ok($"{name} {path} valid until {expires:u}");
                break;
        }
    }

    public static void Disk(Installation install, DoctorReport report)
    {
        foreach (var folder in new[] { "/var/lib/gzaiedge-cloud", "/var/lib/gzaiedge-influxdb", "/var/lib/gzaiedge-mosquitto" })
        {
            var local = install.Local(folder);
            while (!Directory.Exists(local) && Path.GetDirectoryName(local) is { } parent)
            {
                local = parent;
            }

            var drive = new DriveInfo(local);
            var share = (double)drive.AvailableFreeSpace / drive.TotalSize;
            var what = $"{folder}: {drive.AvailableFreeSpace / (1 << 20)} MiB free ({share:P0} of {drive.Name})";
            if (drive.AvailableFreeSpace < MinFreeBytes || share < 0.05)
            {
                report.Fail(what, "free space on that file system (InfluxDB stops writing when it is full; ingestion then holds every message at the broker)");
            }
            else if (share < 0.15)
            {
                report.Warn(what, "plan more space: the stores grow with the fleet until their retention removes data");
            }
            else
            {
                report.Ok(what);
            }
        }
    }

    public static void BrokerLimits(Installation install, IReadOnlyDictionary<string, string> installed, DoctorReport report)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("gz-limits.conf")
            ?? throw new InvalidOperationException("the CLI was built without gz-limits.conf");
        var expected = Directives(new StreamReader(stream).ReadToEnd());
        var wrong = expected.Where(e => installed.GetValueOrDefault(e.Key) != e.Value)
            .Select(e => $"{e.Key} is {installed.GetValueOrDefault(e.Key) ?? "not set"}, should be {e.Value}").ToList();
        if (wrong.Count == 0)
        {
            report.Ok($"broker limits as gz-limits.conf sets them ({string.Join(", ", expected.Select(e => $"{e.Key} {e.Value}"))})");
        }
        else
        {
            report.Fail($"broker limits: {string.Join("; ", wrong)}",
                "include /etc/gzaiedge/mosquitto/gz-limits.conf unchanged (install.sh links it into limits.d), then: systemctl restart gz-mosquitto");
        }
    }

    public static IReadOnlyDictionary<string, string> Directives(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', 2, StringSplitOptions.TrimEntries))
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : string.Empty, StringComparer.Ordinal);

    /// <summary>
    /// The retention the cloud sets at start (its <c>Retention__*</c> settings in cloud.env, else their defaults): the
    /// default policy keeps raw points that long, the downsampled policy and its continuous query exist.
    /// </summary>
    public static async Task RetentionAsync(Installation install, HttpClient influx, DoctorReport report, CancellationToken cancellationToken)
    {
        var options = RetentionSettings(install);
        if (!options.Enabled)
        {
            report.Warn("InfluxDB retention: Retention__Enabled=false, the cloud does not set it", "set the policies by hand, or remove Retention__Enabled from /etc/gzaiedge/cloud.env");
            return;
        }

        const string restart = "the cloud sets its retention at start: systemctl restart gz-cloud, then journalctl -u gz-cloud | grep retention";
        var db = install.Setting("InfluxDb__Database") ?? "gz";
        var present = await PoliciesAsync(influx, db, cancellationToken);
        if (present is null)
        {
            report.Fail($"InfluxDB retention: database {db} is missing", restart);
            return;
        }

        var raw = present.FirstOrDefault(p => p.Value.Default);
        Expect(report, raw.Key is null ? null : raw.Value.Duration, $"{raw.Key} (default: raw points)", db, options.RawDays, restart);
        Expect(report, present.TryGetValue(RetentionPolicies.Downsampled, out var down) ? down.Duration : null, RetentionPolicies.Downsampled, db, options.DownsampledDays, restart);

        var query = RetentionPolicies.QueryName(options.DownsampleMinutes);
        var queries = await QueryAsync(influx, "SHOW CONTINUOUS QUERIES", cancellationToken);
        if (queries.Contains($"\"{query}\"", StringComparison.Ordinal))
        {
            report.Ok($"InfluxDB continuous query {query} on {db}");
        }
        else
        {
            report.Fail($"InfluxDB continuous query {query} on {db} is missing", restart);
        }
    }

    private static void Expect(DoctorReport report, string? actual, string name, string db, int days, string fix)
    {
        var wanted = RetentionPolicies.ShownDuration(days);
        if (actual is null)
        {
            report.Fail($"InfluxDB retention policy {name} on {db} is missing", fix);
        }
        else if (actual != wanted)
        {
            report.Fail($"InfluxDB retention policy {name} on {db} keeps {actual}, configured {wanted}", fix);
        }
        else
        {
            report.Ok($"InfluxDB retention policy {name} on {db}: {wanted}");
        }
    }

    private static RetentionOptions RetentionSettings(Installation install)
    {
        var options = new RetentionOptions();
        var prefix = $"{RetentionOptions.Section}__";
        options.Enabled = !string.Equals(install.Setting(prefix + nameof(RetentionOptions.Enabled)), "false", StringComparison.OrdinalIgnoreCase);
        options.RawDays = Days(install, prefix + nameof(RetentionOptions.RawDays), options.RawDays);
        options.DownsampledDays = Days(install, prefix + nameof(RetentionOptions.DownsampledDays), options.DownsampledDays);
        options.DownsampleMinutes = Days(install, prefix + nameof(RetentionOptions.DownsampleMinutes), options.DownsampleMinutes);
        return options;
    }

    private static int Days(Installation install, string key, int fallback) =>
        int.TryParse(install.Setting(key), CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private static async Task<Dictionary<string, (string Duration, bool Default)>?> PoliciesAsync(HttpClient influx, string db, CancellationToken cancellationToken)
    {
        using var json = JsonDocument.Parse(await QueryAsync(influx, $"SHOW RETENTION POLICIES ON \"{db}\"", cancellationToken));
        var result = json.RootElement.GetProperty("results")[0];
        if (result.TryGetProperty("error", out _))
        {
            return null;
        }

        var policies = new Dictionary<string, (string Duration, bool Default)>(StringComparer.Ordinal);
        if (result.TryGetProperty("series", out var series))
        {
            foreach (var row in series[0].GetProperty("values").EnumerateArray())
            {
                policies[row[0].GetString()!] = (row[1].GetString()!, row[4].GetBoolean());
            }
        }

        return policies;
    }

    public static async Task ClockSkewAsync(Installation install, HttpClient influx, DoctorReport report, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var db = install.Setting("InfluxDb__Database") ?? "gz";
        var query = $"SELECT last(\"{StoredSchema.HeartbeatField.UptimeSeconds}\") FROM \"{db}\"..\"{StoredSchema.Measurement.Heartbeat}\" WHERE time > now() - 1h GROUP BY \"{StoredSchema.Tag.Site}\", \"{StoredSchema.Tag.Device}\"";
        using var json = JsonDocument.Parse(await QueryAsync(influx, query, cancellationToken));
        var result = json.RootElement.GetProperty("results")[0];
        if (!result.TryGetProperty("series", out var series))
        {
            report.Ok("clock skew: no device sent a heartbeat in the last hour (nothing to compare)");
            return;
        }

        var ahead = new List<string>();
        foreach (var s in series.EnumerateArray())
        {
            var tags = s.GetProperty("tags");
            var time = DateTimeOffset.Parse(s.GetProperty("values")[0][0].GetString()!, CultureInfo.InvariantCulture);
            if (time - now > ClockTolerance)
            {
                ahead.Add($"{tags.GetProperty(StoredSchema.Tag.Site).GetString()}/{tags.GetProperty(StoredSchema.Tag.Device).GetString()} by {(time - now).TotalSeconds:0} s");
            }
        }

        if (ahead.Count > 0)
        {
            report.Fail($"clock skew: latest heartbeats stamped ahead of the cloud's clock: {string.Join(", ", ahead)}",
                "check time sync on those devices and on the cloud (timedatectl; systemd-timesyncd or chrony with the site's NTP server)");
        }
        else
        {
            report.Ok($"clock skew: {series.GetArrayLength()} devices' latest heartbeats are not ahead of the cloud's clock (tolerance {ClockTolerance.TotalSeconds:0} s)");
        }
    }

    private static async Task<string> QueryAsync(HttpClient influx, string query, CancellationToken cancellationToken)
    {
        using var response = await influx.GetAsync(new Uri($"query?q={Uri.EscapeDataString(query)}", UriKind.Relative), cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

}
