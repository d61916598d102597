using GzAiEdge.Inference.Native;

namespace GzAiEdge.Inference;

/// <summary>ONNX Runtime refused or failed; the message names what was being done to which model or input.</summary>
public sealed class OnnxRuntimeException : Exception
{
    public OnnxRuntimeException(OrtErrorCode code, string message)
        : base(message) => Code = code;

    public OnnxRuntimeException(string message, Exception inner)
        : base(message, inner) => Code = OrtErrorCode.Fail;

    public OnnxRuntimeException()
        : base("ONNX Runtime failed") => Code = OrtErrorCode.Fail;

    public OnnxRuntimeException(string message)
        : base(message) => Code = OrtErrorCode.Fail;

    /// <summary>The C API's error code; <see cref="OrtErrorCode.Fail"/> for errors found before calling it.</summary>
    public OrtErrorCode Code { get; }
}
