using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using GzAiEdge.Inference;
using Microsoft.ML.OnnxRuntime;

namespace GzAiEdge.Deps.Bench;

/// <summary>
/// NuGet's managed ONNX Runtime package and our binding, each pointed at a native library: the one every build ships
/// (from NuGet) and an older one, 1.23.2 from npm, standing in for the older builds JetPack installs on a Jetson.
/// Each try runs in a process of its own, because a process can hold only one ONNX Runtime.
/// </summary>
public static class OnnxRuntimeManaged
{
    /// <summary>The older library: the one inside onnxruntime-node 1.23.2 (bench/peers, checked by ./gz bench inference too).</summary>
    public const string OlderLibrary = "bench/peers/node_modules/onnxruntime-node/bin/napi-v6/linux/x64/libonnxruntime.so.1";

    public static async Task<IReadOnlyList<string>> RunAsync(string root)
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, OnnxRuntime.LibraryFileName);
        var older = Path.Combine(root, OlderLibrary);
        var managed = typeof(OrtEnv).Assembly.GetName().Version;
        var lines = new List<string> { $"ONNX Runtime: the managed package (Microsoft.ML.OnnxRuntime.Managed {managed}) and our binding (asks for C API {OnnxRuntime.ApiVersion})" };
        foreach (var (label, library) in new[] { ("NuGet's library (shipped)", shipped), ("npm's 1.23.2 (an older build)", older) })
        {
            if (!File.Exists(library))
            {
                lines.Add($"  {label}: {library} is missing (./gz bench deps installs bench/peers)");
                continue;
            }

            lines.Add($"  managed package on {label}: {await ChildAsync("ort-managed", library)}");
            lines.Add($"  our binding on {label}: {await ChildAsync("ort-ours", library)}");
        }

        return lines;
    }

    /// <summary>In the child: the managed package's environment on <paramref name="library"/>.</summary>
    public static string Managed(string library)
    {
        // The package imports "onnxruntime"; hand it this library instead of a search.
        NativeLibrary.SetDllImportResolver(typeof(OrtEnv).Assembly, (name, _, _) =>
            name.Contains("onnxruntime", StringComparison.Ordinal) ? NativeLibrary.Load(library) : 0);
        try
        {
            return $"loads ONNX Runtime {OrtEnv.Instance().GetVersionString()}";
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var inner = ex.GetBaseException();
            return $"FAILED {inner.GetType().Name}: {inner.Message.ReplaceLineEndings(" ").Trim()}";
        }
    }

    /// <summary>In the child: our binding on <paramref name="library"/>.</summary>
    public static string Ours(string library)
    {
        try
        {
            var runtime = OnnxRuntime.Load(library);
            return $"loads ONNX Runtime {runtime.Version} ({string.Join(", ", runtime.AvailableProviders)})";
        }
        catch (GzAiEdge.Inference.OnnxRuntimeException ex)
        {
            return $"FAILED {ex.Message}";
        }
    }

    private static async Task<string> ChildAsync(string mode, string library)
    {
        var self = Assembly.GetExecutingAssembly().Location;
        var host = Environment.ProcessPath ?? "dotnet";
        List<string> args = Path.GetFileNameWithoutExtension(host) == "dotnet" ? [self] : [];
        args.AddRange([mode, library]);
        using var child = Process.Start(new ProcessStartInfo(host, args) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"cannot start {host}");
        var output = child.StandardOutput.ReadToEndAsync();
        var error = child.StandardError.ReadToEndAsync();
        await child.WaitForExitAsync();
        return child.ExitCode == 0 ? (await output).Trim() : $"the child exited {child.ExitCode}: {(await error).Trim()}";
    }
}
