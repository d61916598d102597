using System.Runtime.InteropServices;
using GzAiEdge.Inference.Native;

namespace GzAiEdge.Inference;

/// <summary>
/// The loaded ONNX Runtime native library and its one environment. ONNX Runtime wants a single
/// <c>OrtEnv</c> per process that outlives every session, so an instance is loaded once
/// (<see cref="Load"/>) and lives until the process ends.
/// </summary>
public sealed unsafe class OnnxRuntime
{
    /// <summary>
    /// The library's file name beside the binary: its SONAME, under which JetPack builds are installed too. NuGet's
    /// package names the file <c>libonnxruntime.so</c>; the build copies it under this name.
    /// </summary>
    public const string LibraryFileName = "libonnxruntime.so.1";

    /// <summary>
    /// The ONNX Runtime C API version this binding asks for (<c>OrtGetApiBase()->GetApi(v)</c>): a library offers
    /// every version up to its own (1.23 offers 1…23, 1.32 offers 1…32), so any ORT from 1.16 on loads.
    /// </summary>
    public const uint ApiVersion = OrtApi.Version;

    private static readonly Lock Gate = new();
    private static OnnxRuntime? _loaded;

    private readonly OrtEnvHandle _env;

    private OnnxRuntime(string path, OrtApi api, OrtEnvHandle env, OrtMemoryInfoHandle cpu, IReadOnlyList<string> providers)
    {
        LibraryPath = path;
        Api = api;
        _env = env;
        CpuMemory = cpu;
        AvailableProviders = providers;
    }

    /// <summary>Full path of the library that was loaded.</summary>
    public string LibraryPath { get; }

    /// <summary>The library's version string, e.g. <c>1.32.0</c>.</summary>
    public string Version => Api.VersionString;

    /// <summary>Execution providers compiled into this build, e.g. <c>CPUExecutionProvider</c>.</summary>
    public IReadOnlyList<string> AvailableProviders { get; }

    internal OrtApi Api { get; }

    internal OrtMemoryInfoHandle CpuMemory { get; }

    internal nint Env => _env.DangerousGetHandle();

    /// <summary>
    /// Loads ONNX Runtime from <paramref name="libraryPath"/>, or from <see cref="LibraryFileName"/> beside
    /// this assembly when it is null. Later calls return the same instance; asking for another library once
    /// one is loaded is an error, because a process can hold only one.
    /// </summary>
    /// <exception cref="OnnxRuntimeException">The file is missing, is not ONNX Runtime, or is too old.</exception>
    public static OnnxRuntime Load(string? libraryPath = null)
    {
        var path = Path.GetFullPath(string.IsNullOrWhiteSpace(libraryPath)
            ? Path.Combine(AppContext.BaseDirectory, LibraryFileName)
            : libraryPath);
        lock (Gate)
        {
            if (_loaded is { } loaded)
            {
                return loaded.LibraryPath == path ? loaded
                    : throw new OnnxRuntimeException($"ONNX Runtime is already loaded from {loaded.LibraryPath}; a process can use only one library, not also {path}");
            }

            _loaded = Open(path);
            return _loaded;
        }
    }

    internal static OnnxRuntime Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new OnnxRuntimeException($"ONNX Runtime library not found: {path}. Build with ./gz build (it fetches it), or set Inference:NativeLibraryPath");
        }

        nint library;
        try
        {
            library = NativeLibrary.Load(path);
        }
        catch (DllNotFoundException ex)
        {
            throw new OnnxRuntimeException($"cannot load ONNX Runtime from {path}: {ex.Message}", ex);
        }

        if (!NativeLibrary.TryGetExport(library, "OrtGetApiBase", out var getApiBase))
        {
            NativeLibrary.Free(library);
            throw new OnnxRuntimeException($"{path} is not ONNX Runtime (no OrtGetApiBase export)");
        }

        // OrtApiBase is { const OrtApi* (*GetApi)(uint32_t); const char* (*GetVersionString)(void); }.
        var apiBase = ((delegate* unmanaged<nint*>)getApiBase)();
        var version = Marshal.PtrToStringUTF8((nint)((delegate* unmanaged<byte*>)apiBase[1])()) ?? "?";
        var table = ((delegate* unmanaged<uint, nint>)apiBase[0])(OrtApi.Version);
        if (table == 0)
        {
            throw new OnnxRuntimeException($"ONNX Runtime {version} at {path} does not offer API version {OrtApi.Version}; use 1.16 or newer");
        }

        var api = new OrtApi(table, version);
        nint env;
        fixed (byte* logId = "gzaiedge"u8)
        {
            const int warningLevel = 2;
            api.Check(api.CreateEnv(warningLevel, logId, &env), "creating the ONNX Runtime environment");
        }

        var envHandle = new OrtEnvHandle(env, api);
        nint cpu;
        const int arenaAllocator = 1, defaultMemory = 0;
        api.Check(api.CreateCpuMemoryInfo(arenaAllocator, defaultMemory, &cpu), "describing CPU memory");
        return new OnnxRuntime(path, api, envHandle, new OrtMemoryInfoHandle(cpu, api), ReadProviders(api));
    }

    private static string[] ReadProviders(OrtApi api)
    {
        byte** names;
        int count;
        api.Check(api.GetAvailableProviders(&names, &count), "listing execution providers");
        try
        {
            var result = new string[count];
            for (var i = 0; i < count; i++)
            {
                result[i] = Marshal.PtrToStringUTF8((nint)names[i]) ?? string.Empty;
            }

            return result;
        }
        finally
        {
            api.Check(api.ReleaseAvailableProviders(names, count), "releasing the provider list");
        }
    }
}
