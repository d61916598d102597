using System.Diagnostics;
using System.Globalization;
using GzAiEdge.Testing;

namespace GzAiEdge.Devices.Tests.Native;

/// <summary>
/// What the installed kernel headers say: compiles uapi_probe.c with gcc against &lt;linux/gpio.h&gt;,
/// &lt;linux/i2c.h&gt; and &lt;linux/i2c-dev.h&gt; (Debian linux-libc-dev) once per test run and reads its output.
/// </summary>
internal static class KernelHeaders
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Probe = new(Run);

    public static long SizeOf(string type) => Number($"sizeof {type}");

    public static long OffsetOf(string type, string field) => Number($"offsetof {type}.{field}");

    public static ulong Value(string name) => ulong.Parse(Get($"value {name}"), CultureInfo.InvariantCulture);

    public static byte[] Bytes(string name) => Convert.FromHexString(Get($"bytes {name}"));

    private static long Number(string key) => long.Parse(Get(key), CultureInfo.InvariantCulture);

    private static string Get(string key) =>
        Probe.Value.TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"uapi_probe.c prints no '{key}'");

    private static Dictionary<string, string> Run()
    {
        using var folder = new TempFolder("gz-uapi-probe");
        var source = RepoPaths.Combine("tests", "GzAiEdge.Devices.Tests", "Native", "uapi_probe.c");
        var binary = folder.File("uapi_probe");
        Execute("gcc", "-Wall", "-Wextra", "-Werror", "-o", binary, source);
        var output = Execute(binary);
        var values = new Dictionary<string, string>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(' ');
            values.Add($"{parts[0]} {parts[1]}", parts[2]);
        }

        return values;
    }

    private static string Execute(string file, params string[] arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        arguments.ToList().ForEach(info.ArgumentList.Add);
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{file} not found ({e.Message}): the marshalling tests need gcc and linux-libc-dev, which ./gz test installs", e);
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? stdout
                : throw new InvalidOperationException($"{file} exited with {process.ExitCode}: {stderr.Result}");
        }
    }
}
