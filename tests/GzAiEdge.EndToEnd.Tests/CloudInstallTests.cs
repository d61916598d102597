using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using GzAiEdge.Testing;
using GzAiEdge.TimeSeries.Retention;

namespace GzAiEdge.EndToEnd.Tests;

/// <summary>
/// firmware-configs/cloud/install.sh into a temporary root with real gz provision output; the units pass
/// systemd-analyze verify; InfluxDB, Mosquitto and the cloud start from the installed files (their paths moved under
/// the root) over HTTPS on loopback; gz doctor passes on them, and fails naming an expired certificate or a missing
/// retention policy.
/// </summary>
[Trait(TestCategory.Key, TestCategory.Servers)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class CloudInstallTests : IDisposable
{
    private static readonly string Script = RepoPaths.Combine("firmware-configs", "cloud", "install.sh");
    private static readonly string[] Units = ["gz-cloud.service", "gz-mosquitto.service", "gz-influxdb.service"];
    private readonly TempFolder _folder = new("gz-cloud-install");

    public void Dispose() => _folder.Dispose();

    private string Root => _folder.File("root");

    [Fact]
    public async Task The_installed_services_start_over_https_and_gz_doctor_passes_then_names_an_expired_certificate_and_a_missing_retention_policy()
    {
        var site = await ProvisionedSite.CreateAsync(_folder, "tianhe-01", "cam-01");
        var (cert, key) = Certificate(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(90));
        int https = FreePort.Next(), influxPort = FreePort.Next();
        var publish = RepoPaths.Combine("cloud", "GzAiEdge.Cloud", "bin", "Release", "net10.0");

        var (exit, output) = await RunAsync("bash", Script, "--publish", publish, "--pki", site.Pki, "--certificate", cert, "--key", key,
            "--https-port", https.ToString(CultureInfo.InvariantCulture), "--influx-port", influxPort.ToString(CultureInfo.InvariantCulture), "--root", Root);
        Assert.True(exit == 0, output);
        Assert.Contains("enabled gz-influxdb, gz-mosquitto and gz-cloud under", output, StringComparison.Ordinal);
        Assert.All(Units, u => Assert.True(File.Exists(Path.Combine(Root, "etc", "systemd", "system", "multi-user.target.wants", u)), u));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(Etc("cloud.env")));
        Assert.DoesNotContain(site.Pki, await File.ReadAllTextAsync(Etc("cloud.env")), StringComparison.Ordinal);

        await using var influx = await StartInfluxAsync(influxPort);
        await using var broker = await StartBrokerAsync(site.TlsPort);
        await using var cloud = await StartCloudAsync(https);
        using (var http = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true }))
        {
            var health = await http.GetAsync(new Uri($"https://127.0.0.1:{https}/health"));
            Assert.True(health.IsSuccessStatusCode, cloud.Output);
        }

        // The cloud sets retention in the background once InfluxDB answers; its log says when.
        for (var i = 0; i < 120 && !cloud.Output.Contains(RetentionPolicies.QueryName(60), StringComparison.Ordinal); i++)
        {
            await Task.Delay(500);
        }

        var (doctorExit, doctor) = await GzProcesses.RunCliAsync(_folder, "doctor", "--root", Root);
        Assert.True(doctorExit == 0, doctor + "\n--- cloud ---\n" + cloud.Output);
        Assert.Contains($"ok   cloud HTTPS listens on 127.0.0.1:{https}", doctor, StringComparison.Ordinal);
        Assert.Contains("ok   InfluxDB retention policy autogen (default: raw points) on gz: 9600h0m0s", doctor, StringComparison.Ordinal);
        Assert.Contains("ok   broker limits as gz-limits.conf sets them", doctor, StringComparison.Ordinal);

        // Broken: the retention policy dropped, and the certificate replaced by one that has expired.
        await RunAsync("influx", "-host", "127.0.0.1", "-port", influxPort.ToString(CultureInfo.InvariantCulture), "-execute", "DROP RETENTION POLICY \"downsampled\" ON \"gz\"");
        var (expired, _) = Certificate(DateTimeOffset.UtcNow.AddDays(-60), DateTimeOffset.UtcNow.AddDays(-1));
        File.Copy(expired, Etc("tls", "cloud.crt"), overwrite: true);

        var (brokenExit, broken) = await GzProcesses.RunCliAsync(_folder, "doctor", "--root", Root);
        Assert.True(brokenExit == 1, broken);
        Assert.Contains("FAIL InfluxDB retention policy downsampled on gz is missing", broken, StringComparison.Ordinal);
        Assert.Contains("FAIL cloud HTTPS certificate /etc/gzaiedge/tls/cloud.crt expired on", broken, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_units_pass_systemd_analyze_verify()
    {
        foreach (var unit in Units)
        {
            // verify checks every directive; the binaries, the environment file and the users exist only on the host.
            var lines = File.ReadAllLines(RepoPaths.Combine("firmware-configs", "cloud", unit))
                .Select(l => l.StartsWith("ExecStart=", StringComparison.Ordinal) ? "ExecStart=/bin/true" : l)
                .Where(l => !l.StartsWith("EnvironmentFile=", StringComparison.Ordinal));
            await File.WriteAllLinesAsync(_folder.File(unit), lines);
        }

        var (exitCode, output) = await RunAsync("systemd-analyze", ["verify", .. Units.Select(_folder.File)]);

        Assert.True(exitCode == 0 && output.Trim().Length == 0, output);
    }

    [Fact]
    public async Task The_script_refuses_clearly_when_not_root()
    {
        var (exitCode, output) = await RunAsync("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
            "bash", Script, "--publish", "x", "--pki", "x", "--certificate", "x", "--key", "x", "--root", Root);

        Assert.Equal(1, exitCode);
        Assert.Contains("install.sh: must run as root", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Root));
    }

    private string Etc(params string[] parts) => Path.Combine([Root, "etc", "gzaiedge", .. parts]);

    // The installed files name /etc/gzaiedge and /var/lib/gzaiedge-*; here those are under the root.
    private string UnderRoot(string text) =>
        text.Replace("/etc/gzaiedge", Path.Combine(Root, "etc", "gzaiedge"), StringComparison.Ordinal)
            .Replace("/var/lib/gzaiedge-", Path.Combine(Root, "var", "lib", "gzaiedge-"), StringComparison.Ordinal);

    private async Task<ChildProcess> StartInfluxAsync(int port)
    {
        Directory.CreateDirectory(Path.Combine(Root, "var", "lib", "gzaiedge-influxdb"));
        var config = _folder.File("influxdb.conf");
        await File.WriteAllTextAsync(config, UnderRoot(await File.ReadAllTextAsync(Etc("influxdb.conf"))));
        var influx = ChildProcess.Start("influxd", ["-config", config]);
        await PortProbe.WaitUntilListeningAsync(port, influx, "influxd", TimeSpan.FromSeconds(60));
        return influx;
    }

    private async Task<ChildProcess> StartBrokerAsync(int port)
    {
        Directory.CreateDirectory(Path.Combine(Root, "var", "lib", "gzaiedge-mosquitto"));
        var config = _folder.File("gz.conf");
        // The test runs as root, and the root's users do not exist on this machine: keep root rather than drop to one.
        await File.WriteAllTextAsync(config, UnderRoot(await File.ReadAllTextAsync(Etc("mosquitto", "gz.conf"))) + "\nuser root\n");
        var broker = ChildProcess.Start("mosquitto", ["-c", config]);
        await PortProbe.WaitUntilListeningAsync(port, broker, "mosquitto", TimeSpan.FromSeconds(30));
        return broker;
    }

    private async Task<ChildProcess> StartCloudAsync(int port)
    {
        var state = Directory.CreateDirectory(Path.Combine(Root, "var", "lib", "gzaiedge-cloud")).FullName;
        var environment = (await File.ReadAllLinesAsync(Etc("cloud.env"))).Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0], p => UnderRoot(p[1]), StringComparer.Ordinal);
        var cloud = ChildProcess.Start("dotnet", [Path.Combine(Root, "opt", "gzaiedge-cloud", "GzAiEdge.Cloud.dll")], environment, state);
        await PortProbe.WaitUntilListeningAsync(port, cloud, "cloud", TimeSpan.FromSeconds(60));
        return cloud;
    }

    private (string Certificate, string Key) Certificate(DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(notBefore, notAfter);
        var name = $"cert-{notAfter.ToUnixTimeSeconds()}";
        File.WriteAllText(_folder.File(name + ".crt"), certificate.ExportCertificatePem());
        File.WriteAllText(_folder.File(name + ".key"), key.ExportPkcs8PrivateKeyPem());
        return (_folder.File(name + ".crt"), _folder.File(name + ".key"));
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, params string[] args)
    {
        await using var process = ChildProcess.Start(program, args);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, process.Output);
    }
}
