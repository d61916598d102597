using GzAiEdge.Inference.Native;

namespace GzAiEdge.Inference;

/// <summary>What became of the execution providers a session asked for.</summary>
/// <param name="Chosen">Providers appended, in order of preference; CPU is always last.</param>
/// <param name="Skipped">Providers not used, each with the reason.</param>
public sealed record ExecutionProviderChoice(IReadOnlyList<string> Chosen, IReadOnlyList<string> Skipped)
{
    /// <summary>E.g. <c>cuda, cpu (skipped: tensorrt: not in this ONNX Runtime build)</c>.</summary>
    public override string ToString() =>
        string.Join(", ", Chosen) + (Skipped.Count > 0 ? $" (skipped: {string.Join("; ", Skipped)})" : string.Empty);
}

/// <summary>Appends GPU execution providers to session options when the loaded library has them.</summary>
internal static unsafe class ExecutionProviders
{
    public static ExecutionProviderChoice Append(OnnxRuntime runtime, nint options, IReadOnlyList<string> requested)
    {
        var chosen = new List<string>();
        var skipped = new List<string>();
        foreach (var name in requested)
        {
            if (name == "cpu")
            {
                break;
            }

            var native = name switch
            {
                "tensorrt" => "TensorrtExecutionProvider",
                "cuda" => "CUDAExecutionProvider",
                _ => throw new ArgumentException($"unknown execution provider '{name}'; use {string.Join(", ", InferenceOptions.KnownExecutionProviders)}", nameof(requested)),
            };
            if (!runtime.AvailableProviders.Contains(native))
            {
                skipped.Add($"{name}: not in this ONNX Runtime build (it has {string.Join(", ", runtime.AvailableProviders)})");
                continue;
            }

            var api = runtime.Api;
            var why = name == "tensorrt"
                ? TryAppend(api, options, api.CreateTensorRtOptions, api.AppendTensorRtV2, api.ReleaseTensorRtOptions)
                : TryAppend(api, options, api.CreateCudaOptions, api.AppendCudaV2, api.ReleaseCudaOptions);
            if (why is not null)
            {
                skipped.Add($"{name}: {why}");
                continue;
            }

            chosen.Add(name);
        }

        chosen.Add("cpu");
        return new ExecutionProviderChoice(chosen, skipped);
    }

    // Provider options are created with defaults (device 0), appended, and released: the session options copy them.
    private static string? TryAppend(OrtApi api, nint options, delegate* unmanaged<nint*, nint> create,
        delegate* unmanaged<nint, nint, nint> append, delegate* unmanaged<nint, void> release)
    {
        nint providerOptions;
        var status = create(&providerOptions);
        if (status != 0)
        {
            return api.TakeError(status, "creating provider options").Message;
        }

        try
        {
            status = append(options, providerOptions);
            return status == 0 ? null : api.TakeError(status, "starting the provider").Message;
        }
        finally
        {
            release(providerOptions);
        }
    }
}
