using GzAiEdge.Testing;

namespace GzAiEdge.EndToEnd.Tests;

/// <summary>firmware-configs/systemd/install.sh into a temporary root, with real gz provision credentials.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class InstallScriptTests : IDisposable
{
    private static readonly string Script = RepoPaths.Combine("firmware-configs", "systemd", "install.sh");
    private static readonly string Config = RepoPaths.Combine("firmware-configs", "sites", "traffic", "tianhe-01-cam-01.yaml");
    private readonly TempFolder _folder = new("gz-install");

    public void Dispose() => _folder.Dispose();

    private string Root => _folder.File("root");

    [Fact]
    public async Task The_worker_config_credentials_user_and_enabled_unit_land_in_the_root_and_the_result_validates()
    {
        var (publish, credentials) = await PrepareAsync();

        var (exitCode, output) = await RunAsync("bash", Script, "--publish", publish, "--config", Config, "--credentials", credentials, "--root", Root);

        Assert.True(exitCode == 0, output);
        Assert.Contains("created system user gz-edge", output, StringComparison.Ordinal);
        Assert.Contains("enabled gz-edge.service under", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Root, "opt", "gzaiedge", "GzAiEdge.Edge")));
        Assert.Equal(await File.ReadAllTextAsync(Config), await File.ReadAllTextAsync(Etc("device.yaml")));
        var passwd = (await File.ReadAllLinesAsync(Path.Combine(Root, "etc", "passwd"))).Single(l => l.StartsWith("gz-edge:", StringComparison.Ordinal));
        Assert.EndsWith(":/var/lib/gzaiedge:/usr/sbin/nologin", passwd, StringComparison.Ordinal);
        var groups = await File.ReadAllLinesAsync(Path.Combine(Root, "etc", "group"));
        Assert.All(new[] { "gpio", "i2c", "video", "gz-edge" }, g => Assert.Contains(groups, l => l.StartsWith(g + ":", StringComparison.Ordinal)));

        // Only the broker identity: the provisioning machine's paths would override the config's installed ones.
        var env = await File.ReadAllLinesAsync(Etc("credentials.env"));
        Assert.Equal(["Broker__Username=tianhe-01.cam-01"], env.Where(l => !l.StartsWith("Broker__Password=", StringComparison.Ordinal)));
        Assert.Single(env, l => l.StartsWith("Broker__Password=", StringComparison.Ordinal));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(Etc("signing-key.pem")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(Etc("credentials.env")));

        var units = Path.Combine(Root, "etc", "systemd", "system");
        Assert.Equal("/etc/systemd/system/gz-edge.service", new FileInfo(Path.Combine(units, "multi-user.target.wants", "gz-edge.service")).LinkTarget);
        Assert.True(File.Exists(Path.Combine(units, "gz-edge.service.d", "jetson.conf")), "the jetson-orin-nano config gets the Jetson drop-in");

        // What landed is a config gz config validate accepts against that very tree (with the board's ORT in place).
        Directory.CreateDirectory(Path.Combine(Root, "usr", "local", "lib"));
        File.CreateSymbolicLink(Path.Combine(Root, "usr", "local", "lib", "libonnxruntime.so.1"), OnnxRuntimeLibraries.For("linux-arm64"));
        var (validExit, validOutput) = await GzProcesses.RunCliAsync(_folder, "config", "validate", "--root", Root, Etc("device.yaml"));
        Assert.True(validExit == 0, validOutput);

        // Installing again upgrades in place: the user is kept, the release replaced.
        var (again, againOutput) = await RunAsync("bash", Script, "--publish", publish, "--config", Config, "--credentials", credentials, "--root", Root);
        Assert.True(again == 0, againOutput);
        Assert.Contains("user gz-edge exists", againOutput, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Root, "opt", "gzaiedge.old")));
    }

    [Fact]
    public async Task A_device_of_a_site_with_client_certificates_gets_its_certificate_installed_and_named_by_its_installed_path()
    {
        var (publish, credentials) = await PrepareAsync("--client-certs");

        var (exitCode, output) = await RunAsync("bash", Script, "--publish", publish, "--config", Config, "--credentials", credentials, "--root", Root);

        Assert.True(exitCode == 0, output);
        Assert.Equal(
            ["Broker__Username=tianhe-01.cam-01", "Broker__ClientCertificateFile=/etc/gzaiedge/client.crt", "Broker__ClientKeyFile=/etc/gzaiedge/client.key"],
            await File.ReadAllLinesAsync(Etc("credentials.env")));
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(credentials, "client.crt")), await File.ReadAllTextAsync(Etc("client.crt")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(Etc("client.key")));
    }

    [Fact]
    public async Task The_script_refuses_clearly_when_not_root()
    {
        var (publish, credentials) = await PrepareAsync();

        var (exitCode, output) = await RunAsync("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
            "bash", Script, "--publish", publish, "--config", Config, "--credentials", credentials, "--root", Root);

        Assert.Equal(1, exitCode);
        Assert.Contains("install.sh: must run as root", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Root));
    }

    [Fact]
    public async Task The_unit_file_passes_systemd_analyze_verify()
    {
        // verify checks every directive; the binary, the environment file and the user exist only on a device.
        var unit = File.ReadAllLines(RepoPaths.Combine("firmware-configs", "systemd", "gz-edge.service"))
            .Select(l => l.StartsWith("ExecStart=", StringComparison.Ordinal) ? "ExecStart=/bin/true" : l)
            .Where(l => !l.StartsWith("EnvironmentFile=", StringComparison.Ordinal));
        await File.WriteAllLinesAsync(_folder.File("gz-edge.service"), unit);

        var (exitCode, output) = await RunAsync("systemd-analyze", "verify", _folder.File("gz-edge.service"));

        Assert.True(exitCode == 0 && output.Trim().Length == 0, output);
    }

    private async Task<(string Publish, string Credentials)> PrepareAsync(params string[] provision)
    {
        // A stand-in for a ./gz publish output: the worker binary and the models beside it.
        var publish = Directory.CreateDirectory(_folder.File("publish")).FullName;
        File.Copy(RepoPaths.Combine("edge", "GzAiEdge.Edge", "bin", "Release", "net10.0", "GzAiEdge.Edge"), Path.Combine(publish, "GzAiEdge.Edge"));
        Directory.CreateSymbolicLink(Path.Combine(publish, "models"), RepoPaths.Combine("models"));
        var site = await ProvisionedSite.CreateAsync(_folder, "tianhe-01", ["cam-01", .. provision]);
        return (publish, Path.Combine(site.Pki, "devices", "cam-01"));
    }

    private string Etc(string name) => Path.Combine(Root, "etc", "gzaiedge", name);

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, params string[] args)
    {
        await using var process = ChildProcess.Start(program, args);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, process.Output);
    }
}
