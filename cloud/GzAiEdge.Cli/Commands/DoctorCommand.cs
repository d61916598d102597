using System.CommandLine;
using GzAiEdge.Cli.Doctor;

namespace GzAiEdge.Cli.Commands;

/// <summary>
/// <c>gz doctor</c>: checks a running installation of the cloud (docs/operations.md): ports, certificates, disk,
/// InfluxDB retention, broker limits, device clocks; prints what is wrong and how to fix it. Exit 0 when nothing
/// failed (warnings allowed), 1 when something did, 2 when it could not run.
/// </summary>
internal static class DoctorCommand
{
    public static Command Create()
    {
        var etc = new Option<string>("--etc") { Description = "The installation's settings folder", DefaultValueFactory = _ => "/etc/gzaiedge" };
        var root = new Option<string>("--root") { Description = "The folder an installation was made in (install.sh --root); paths in its files are under it", DefaultValueFactory = _ => string.Empty };
        var command = new Command("doctor", "Check a running cloud installation: ports, certificates, disk, InfluxDB retention, broker limits, device clocks") { etc, root };
        command.SetAction(async (r, token) =>
        {
            var rootDir = r.GetValue(root)!;
            var etcDir = r.GetValue(etc)!;
            try
            {
                var install = Installation.Load(rootDir, rootDir.Length > 0 ? Path.Join(rootDir, etcDir) : etcDir);
                var report = new DoctorReport();
                var now = DateTimeOffset.UtcNow;
                var brokerFile = Path.Combine(install.Etc, "mosquitto", "gz.conf");
                var broker = install.BrokerConfig(brokerFile);
                var limitsFile = Path.Combine(install.Etc, "mosquitto", "gz-limits.conf");
                var limits = File.Exists(limitsFile) ? DoctorChecks.Directives(await File.ReadAllTextAsync(limitsFile, token)) : new Dictionary<string, string>();
                await DoctorChecks.PortsAsync(install, report, token);
                DoctorChecks.Certificates(install, broker, report, now);
                DoctorChecks.Disk(install, report);
                DoctorChecks.BrokerLimits(install, broker.ContainsKey("include_dir") ? limits : broker, report);
                using var influx = new HttpClient { BaseAddress = new Uri(install.Setting("InfluxDb__BaseAddress") ?? "http://127.0.0.1:8086/"), Timeout = TimeSpan.FromSeconds(10) };
                try
                {
                    await DoctorChecks.RetentionAsync(install, influx, report, token);
                    await DoctorChecks.ClockSkewAsync(install, influx, report, now, token);
                }
                catch (HttpRequestException ex)
                {
                    report.Fail($"InfluxDB at {influx.BaseAddress} does not answer ({ex.Message}): retention and device clocks not checked", "systemctl status gz-influxdb");
                }

                foreach (var line in report.Lines)
                {
                    Console.WriteLine(line);
                }

                Console.WriteLine(report.Failed ? "gz doctor: something needs fixing (FAIL above)" : "gz doctor: the installation looks healthy");
                return report.Failed ? 1 : 0;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                Console.Error.WriteLine($"gz doctor: {ex.Message}");
                return 2;
            }
        });
        return command;
    }
}
