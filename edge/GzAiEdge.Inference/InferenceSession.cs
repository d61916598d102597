using System.Security.Cryptography;
using GzAiEdge.Inference.Native;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GzAiEdge.Inference;

/// <summary>
/// A model loaded into ONNX Runtime, with its inputs, outputs and identity (name, version, SHA-256 of the
/// file). Runs go through a <see cref="SessionBinding"/>, which holds pre-allocated tensors so that a run
/// allocates no managed memory. Thread-safety follows ONNX Runtime: concurrent runs on one session are
/// allowed, each with its own binding.
/// </summary>
public sealed unsafe partial class InferenceSession : IDisposable
{
    private readonly OrtSessionHandle _session;

    private InferenceSession(OnnxRuntime runtime, OrtSessionHandle session, string path, string sha256, ExecutionProviderChoice providers)
    {
        Runtime = runtime;
        _session = session;
        ModelPath = path;
        Sha256 = sha256;
        Providers = providers;
        var handle = session.DangerousGetHandle();
        Inputs = ReadTensorInfos(handle, input: true);
        Outputs = ReadTensorInfos(handle, input: false);
        var metadata = ReadMetadata(handle);
        (GraphName, ModelVersion, ProducerName, Description, CustomMetadata) =
            (metadata.GraphName, metadata.Version, metadata.Producer, metadata.Description, metadata.Custom);
    }

    public OnnxRuntime Runtime { get; }

    /// <summary>Full path of the model file.</summary>
    public string ModelPath { get; }

    /// <summary>The graph's name in the model, or the file name without extension when it has none.</summary>
    public string GraphName { get; }

    /// <summary><c>model_version</c> of the ONNX file (0 when unset).</summary>
    public long ModelVersion { get; }

    /// <summary>The tool that wrote the file (<c>producer_name</c>), e.g. <c>pytorch</c>; empty when unset.</summary>
    public string ProducerName { get; }

    /// <summary>The model's <c>doc_string</c>; empty when unset.</summary>
    public string Description { get; }

    /// <summary>
    /// The file's <c>metadata_props</c>: key/value strings the exporter wrote (Ultralytics writes <c>names</c>,
    /// <c>imgsz</c>, <c>stride</c>, <c>task</c> and more here; <see cref="Metadata.UltralyticsMetadata"/> reads them).
    /// Empty when the file has none.
    /// </summary>
    public IReadOnlyDictionary<string, string> CustomMetadata { get; }

    /// <summary>SHA-256 of the model file, lower-case hex: which exact model produced a result.</summary>
    public string Sha256 { get; }

    /// <summary>The execution providers this session runs on, and those skipped with the reason.</summary>
    public ExecutionProviderChoice Providers { get; }

    public IReadOnlyList<TensorInfo> Inputs { get; }

    public IReadOnlyList<TensorInfo> Outputs { get; }

    internal nint Handle => _session.DangerousGetHandle();

    /// <summary>Loads a model.</summary>
    /// <exception cref="OnnxRuntimeException">The file is missing or not a model ONNX Runtime can run; the message names it.</exception>
    public static InferenceSession Open(OnnxRuntime runtime, string modelPath, InferenceOptions options, ILogger? logger = null)
    {
        var path = Path.GetFullPath(modelPath);
        if (!File.Exists(path))
        {
            throw new OnnxRuntimeException(OrtErrorCode.NoSuchFile, $"model file not found: {path}");
        }

        var api = runtime.Api;
        nint rawOptions;
        api.Check(api.CreateSessionOptions(&rawOptions), $"model {path}: creating session options");
        using var sessionOptions = new OrtSessionOptionsHandle(rawOptions, api);
        api.Check(api.SetIntraOpNumThreads(rawOptions, options.IntraOpThreads), $"model {path}: setting {options.IntraOpThreads} intra-op threads");
        api.Check(api.SetInterOpNumThreads(rawOptions, 1), $"model {path}: setting inter-op threads");
        api.Check(api.SetGraphOptimizationLevel(rawOptions, (int)options.Optimization), $"model {path}: setting optimisation {options.Optimization}");
        var providers = ExecutionProviders.Append(runtime, rawOptions, options.ExecutionProviders);

        nint session;
        var utf8Path = System.Text.Encoding.UTF8.GetBytes(path + "\0");
        fixed (byte* p = utf8Path)
        {
            api.Check(api.CreateSession(runtime.Env, p, rawOptions, &session), $"loading model {path}");
        }

        var handle = new OrtSessionHandle(session, api);
        try
        {
            var result = new InferenceSession(runtime, handle, path, HashFile(path), providers);
            InferenceLog.SessionOpened(logger ?? NullLogger.Instance, result.GraphName, path, providers.ToString(), options.IntraOpThreads);
            return result;
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>A binding with a new zero-filled tensor for every input (dynamic dimensions set to 1) and pre-allocated outputs.</summary>
    /// <inheritdoc cref="CreateBinding(IReadOnlyDictionary{string, long[]})" path="/exception"/>
    public SessionBinding CreateBinding() => CreateBinding(new Dictionary<string, long[]>());

    /// <summary>
    /// A binding over the caller's input tensors, checked against the model: every input present, by name,
    /// with the model's element type and shape. The tensors stay the caller's. An output with dynamic
    /// dimensions is allocated by ONNX Runtime at each run, so its size may change from run to run.
    /// </summary>
    /// <exception cref="OnnxRuntimeException">An input is missing, unknown, of another type or shape; the message names the model and the input.</exception>
    public SessionBinding Bind(IReadOnlyList<PinnedTensor> inputs) => Bind(inputs, ownsInputs: false, pinOutputs: false);

    public void Dispose() => _session.Dispose();

    private SessionBinding Bind(IReadOnlyList<PinnedTensor> inputs, bool ownsInputs, bool pinOutputs)
    {
        ObjectDisposedException.ThrowIf(_session.IsClosed, this);
        var ordered = new PinnedTensor[Inputs.Count];
        foreach (var tensor in inputs)
        {
            var index = Inputs.ToList().FindIndex(i => i.Name == tensor.Name);
            if (index < 0)
            {
                throw Error($"has no input '{tensor.Name}'; its inputs are {string.Join(", ", Inputs)}");
            }

            CheckInput(Inputs[index], tensor);
            ordered[index] = tensor;
        }

        for (var i = 0; i < ordered.Length; i++)
        {
            if (ordered[i] is null)
            {
                throw Error($"input '{Inputs[i]}' was not given");
            }
        }

        return new SessionBinding(this, ordered, ownsInputs, pinOutputs);
    }

    private void CheckInput(TensorInfo expected, PinnedTensor given)
    {
        if (given.ElementType != expected.ElementType)
        {
            throw Error($"input '{expected.Name}' expects {TensorElementTypes.Describe(expected.ElementType)}, got {TensorElementTypes.Describe(given.ElementType)}");
        }

        var shape = given.Shape;
        var fits = shape.Count == expected.Shape.Count && expected.Shape.Select((d, i) => d < 0 || d == shape[i]).All(ok => ok);
        if (!fits)
        {
            throw Error($"input '{expected.Name}' expects shape {TensorInfo.FormatShape(expected.Shape)}, got {TensorInfo.FormatShape(shape)}");
        }
    }

    internal OnnxRuntimeException Error(string what) => new(OrtErrorCode.InvalidArgument, $"model '{GraphName}' ({ModelPath}) {what}");

    private static string HashFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
