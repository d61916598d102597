using System.Runtime.InteropServices;

namespace GzAiEdge.Inference.Native;

/// <summary>
/// Owns one ONNX Runtime object and releases it once with the matching <c>Release*</c> function of the API
/// table, also when the owner forgets to dispose (the finalizer of <see cref="SafeHandle"/>).
/// </summary>
internal abstract unsafe class OrtHandle : SafeHandle
{
    private readonly delegate* unmanaged<nint, void> _release;

    protected OrtHandle(nint handle, delegate* unmanaged<nint, void> release)
        : base(0, ownsHandle: true)
    {
        _release = release;
        SetHandle(handle);
    }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        _release(handle);
        return true;
    }
}

/// <summary>An <c>OrtEnv</c>: logging and thread pools, one per process.</summary>
internal sealed unsafe class OrtEnvHandle(nint handle, OrtApi api) : OrtHandle(handle, api.ReleaseEnv);

/// <summary>An <c>OrtSessionOptions</c>.</summary>
internal sealed unsafe class OrtSessionOptionsHandle(nint handle, OrtApi api) : OrtHandle(handle, api.ReleaseSessionOptions);

/// <summary>An <c>OrtSession</c>: a loaded model.</summary>
internal sealed unsafe class OrtSessionHandle(nint handle, OrtApi api) : OrtHandle(handle, api.ReleaseSession);

/// <summary>An <c>OrtValue</c> (a tensor). Over a caller's buffer it does not own the buffer.</summary>
internal sealed unsafe class OrtValueHandle(nint handle, OrtApi api) : OrtHandle(handle, api.ReleaseValue);

/// <summary>An <c>OrtMemoryInfo</c>: where a tensor's buffer lives (CPU here).</summary>
internal sealed unsafe class OrtMemoryInfoHandle(nint handle, OrtApi api) : OrtHandle(handle, api.ReleaseMemoryInfo);

/// <summary>An <c>OrtTypeInfo</c>: an input's or output's type. Tensor info cast from it is borrowed from it.</summary>
internal sealed unsafe class OrtTypeInfoHandle(nint handle, OrtApi api) : OrtHandle(handle, api.ReleaseTypeInfo);

/// <summary>An <c>OrtTensorTypeAndShapeInfo</c> that the caller owns (from <c>GetTensorTypeAndShape</c>).</summary>
internal sealed unsafe class OrtTensorInfoHandle(nint handle, OrtApi api) : OrtHandle(handle, api.ReleaseTensorTypeAndShapeInfo);

/// <summary>An <c>OrtModelMetadata</c>.</summary>
internal sealed unsafe class OrtModelMetadataHandle(nint handle, OrtApi api) : OrtHandle(handle, api.ReleaseModelMetadata);
