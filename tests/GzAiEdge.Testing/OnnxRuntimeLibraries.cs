using System.Xml.Linq;

namespace GzAiEdge.Testing;

/// <summary>
/// The ONNX Runtime native libraries from NuGet's Microsoft.ML.OnnxRuntime. A build copies only its own
/// architecture's library beside the binaries; <c>./gz native</c> stages each architecture's, after checking its
/// SHA-256, for a test that needs the other one (an arm64 board's check).
/// </summary>
public static class OnnxRuntimeLibraries
{
    private const string Package = "Microsoft.ML.OnnxRuntime";

    /// <summary>The package version pinned in Directory.Packages.props, which is the library's version too.</summary>
    public static string PinnedVersion
    {
        get
        {
            var props = RepoPaths.Combine("Directory.Packages.props");
            return XDocument.Load(props).Descendants("PackageVersion")
                .Where(p => (string?)p.Attribute("Include") == Package)
                .Select(p => (string?)p.Attribute("Version"))
                .SingleOrDefault() ?? throw new InvalidOperationException($"{props} pins no version of {Package}");
        }
    }

    /// <summary>The staged library for <paramref name="rid"/> (<c>linux-x64</c> or <c>linux-arm64</c>).</summary>
    public static string For(string rid)
    {
        var path = RepoPaths.Combine(".cache", "onnxruntime", rid, "libonnxruntime.so.1");
        return File.Exists(path) ? path
            : throw new FileNotFoundException($"the ONNX Runtime library for {rid} is not staged at {path}; run ./gz native (./gz build and ./gz test do)", path);
    }
}
