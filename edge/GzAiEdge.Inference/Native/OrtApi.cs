using System.Runtime.InteropServices;

namespace GzAiEdge.Inference.Native;

/// <summary>
/// The functions of the ONNX Runtime C API this project calls, read from the <c>OrtApi</c> table that
/// <c>OrtGetApiBase()->GetApi(version)</c> returns. The table is a struct of function pointers whose order
/// never changes between releases (new functions are only appended), so a slot index is stable.
/// </summary>
internal sealed unsafe class OrtApi
{
    /// <summary>
    /// The API version asked for. 16 (ORT 1.16) holds every function used here and is what JetPack's ORT
    /// builds for Jetson offer, so the same binding loads those and the CPU build from NuGet (1.32).
    /// </summary>
    public const uint Version = 16;

    // Slots in struct OrtApi (include/onnxruntime/core/session/onnxruntime_c_api.h), counted from 0.
    private const int SlotGetErrorCode = 1, SlotGetErrorMessage = 2, SlotCreateEnv = 3, SlotCreateSession = 7, SlotRun = 9;
    private const int SlotCreateSessionOptions = 10, SlotSetGraphOptimizationLevel = 23, SlotSetIntraOpNumThreads = 24;
    private const int SlotSetInterOpNumThreads = 25, SlotSessionGetInputCount = 30, SlotSessionGetOutputCount = 31;
    private const int SlotSessionGetInputTypeInfo = 33, SlotSessionGetOutputTypeInfo = 34;
    private const int SlotSessionGetInputName = 36, SlotSessionGetOutputName = 37;
    private const int SlotCreateTensorWithDataAsOrtValue = 49, SlotGetTensorMutableData = 51;
    private const int SlotCastTypeInfoToTensorInfo = 55, SlotGetOnnxTypeFromTypeInfo = 56, SlotGetTensorElementType = 60;
    private const int SlotGetDimensionsCount = 61, SlotGetDimensions = 62, SlotGetTensorTypeAndShape = 65;
    private const int SlotCreateCpuMemoryInfo = 69, SlotAllocatorFree = 76, SlotGetAllocatorWithDefaultOptions = 78;
    private const int SlotReleaseEnv = 92, SlotReleaseStatus = 93, SlotReleaseMemoryInfo = 94, SlotReleaseSession = 95;
    private const int SlotReleaseValue = 96, SlotReleaseTypeInfo = 98, SlotReleaseTensorTypeAndShapeInfo = 99;
    private const int SlotReleaseSessionOptions = 100, SlotSessionGetModelMetadata = 111, SlotModelMetadataGetProducerName = 112;
    private const int SlotModelMetadataGetGraphName = 113, SlotModelMetadataGetDescription = 115, SlotModelMetadataLookupCustomMetadataMap = 116;
    private const int SlotModelMetadataGetVersion = 117, SlotReleaseModelMetadata = 118, SlotModelMetadataGetCustomMetadataMapKeys = 123;
    private const int SlotGetAvailableProviders = 125, SlotReleaseAvailableProviders = 126;
    private const int SlotAppendTensorRtV2 = 170, SlotCreateTensorRtOptions = 171, SlotReleaseTensorRtOptions = 174;
    private const int SlotAppendCudaV2 = 204, SlotCreateCudaOptions = 205, SlotReleaseCudaOptions = 208;

    public OrtApi(nint table, string versionString)
    {
        var t = (nint*)table;
        VersionString = versionString;
        GetErrorCode = (delegate* unmanaged<nint, int>)t[SlotGetErrorCode];
        GetErrorMessage = (delegate* unmanaged<nint, byte*>)t[SlotGetErrorMessage];
        CreateEnv = (delegate* unmanaged<int, byte*, nint*, nint>)t[SlotCreateEnv];
        CreateSession = (delegate* unmanaged<nint, byte*, nint, nint*, nint>)t[SlotCreateSession];
        Run = (delegate* unmanaged<nint, nint, nint*, nint*, nuint, nint*, nuint, nint*, nint>)t[SlotRun];
        CreateSessionOptions = (delegate* unmanaged<nint*, nint>)t[SlotCreateSessionOptions];
        SetGraphOptimizationLevel = (delegate* unmanaged<nint, int, nint>)t[SlotSetGraphOptimizationLevel];
        SetIntraOpNumThreads = (delegate* unmanaged<nint, int, nint>)t[SlotSetIntraOpNumThreads];
        SetInterOpNumThreads = (delegate* unmanaged<nint, int, nint>)t[SlotSetInterOpNumThreads];
        SessionGetInputCount = (delegate* unmanaged<nint, nuint*, nint>)t[SlotSessionGetInputCount];
        SessionGetOutputCount = (delegate* unmanaged<nint, nuint*, nint>)t[SlotSessionGetOutputCount];
        SessionGetInputTypeInfo = (delegate* unmanaged<nint, nuint, nint*, nint>)t[SlotSessionGetInputTypeInfo];
        SessionGetOutputTypeInfo = (delegate* unmanaged<nint, nuint, nint*, nint>)t[SlotSessionGetOutputTypeInfo];
        SessionGetInputName = (delegate* unmanaged<nint, nuint, nint, byte**, nint>)t[SlotSessionGetInputName];
        SessionGetOutputName = (delegate* unmanaged<nint, nuint, nint, byte**, nint>)t[SlotSessionGetOutputName];
        CreateTensorWithDataAsOrtValue = (delegate* unmanaged<nint, void*, nuint, long*, nuint, int, nint*, nint>)t[SlotCreateTensorWithDataAsOrtValue];
        GetTensorMutableData = (delegate* unmanaged<nint, void**, nint>)t[SlotGetTensorMutableData];
        CastTypeInfoToTensorInfo = (delegate* unmanaged<nint, nint*, nint>)t[SlotCastTypeInfoToTensorInfo];
        GetOnnxTypeFromTypeInfo = (delegate* unmanaged<nint, int*, nint>)t[SlotGetOnnxTypeFromTypeInfo];
        GetTensorElementType = (delegate* unmanaged<nint, int*, nint>)t[SlotGetTensorElementType];
        GetDimensionsCount = (delegate* unmanaged<nint, nuint*, nint>)t[SlotGetDimensionsCount];
        GetDimensions = (delegate* unmanaged<nint, long*, nuint, nint>)t[SlotGetDimensions];
        GetTensorTypeAndShape = (delegate* unmanaged<nint, nint*, nint>)t[SlotGetTensorTypeAndShape];
        CreateCpuMemoryInfo = (delegate* unmanaged<int, int, nint*, nint>)t[SlotCreateCpuMemoryInfo];
        AllocatorFree = (delegate* unmanaged<nint, void*, nint>)t[SlotAllocatorFree];
        GetAllocatorWithDefaultOptions = (delegate* unmanaged<nint*, nint>)t[SlotGetAllocatorWithDefaultOptions];
        ReleaseEnv = (delegate* unmanaged<nint, void>)t[SlotReleaseEnv];
        ReleaseStatus = (delegate* unmanaged<nint, void>)t[SlotReleaseStatus];
        ReleaseMemoryInfo = (delegate* unmanaged<nint, void>)t[SlotReleaseMemoryInfo];
        ReleaseSession = (delegate* unmanaged<nint, void>)t[SlotReleaseSession];
        ReleaseValue = (delegate* unmanaged<nint, void>)t[SlotReleaseValue];
        ReleaseTypeInfo = (delegate* unmanaged<nint, void>)t[SlotReleaseTypeInfo];
        ReleaseTensorTypeAndShapeInfo = (delegate* unmanaged<nint, void>)t[SlotReleaseTensorTypeAndShapeInfo];
        ReleaseSessionOptions = (delegate* unmanaged<nint, void>)t[SlotReleaseSessionOptions];
        SessionGetModelMetadata = (delegate* unmanaged<nint, nint*, nint>)t[SlotSessionGetModelMetadata];
        ModelMetadataGetProducerName = (delegate* unmanaged<nint, nint, byte**, nint>)t[SlotModelMetadataGetProducerName];
        ModelMetadataGetGraphName = (delegate* unmanaged<nint, nint, byte**, nint>)t[SlotModelMetadataGetGraphName];
        ModelMetadataGetDescription = (delegate* unmanaged<nint, nint, byte**, nint>)t[SlotModelMetadataGetDescription];
        ModelMetadataLookupCustomMetadataMap = (delegate* unmanaged<nint, nint, byte*, byte**, nint>)t[SlotModelMetadataLookupCustomMetadataMap];
        ModelMetadataGetVersion = (delegate* unmanaged<nint, long*, nint>)t[SlotModelMetadataGetVersion];
        ReleaseModelMetadata = (delegate* unmanaged<nint, void>)t[SlotReleaseModelMetadata];
        ModelMetadataGetCustomMetadataMapKeys = (delegate* unmanaged<nint, nint, byte***, long*, nint>)t[SlotModelMetadataGetCustomMetadataMapKeys];
        GetAvailableProviders = (delegate* unmanaged<byte***, int*, nint>)t[SlotGetAvailableProviders];
        ReleaseAvailableProviders = (delegate* unmanaged<byte**, int, nint>)t[SlotReleaseAvailableProviders];
        AppendTensorRtV2 = (delegate* unmanaged<nint, nint, nint>)t[SlotAppendTensorRtV2];
        CreateTensorRtOptions = (delegate* unmanaged<nint*, nint>)t[SlotCreateTensorRtOptions];
        ReleaseTensorRtOptions = (delegate* unmanaged<nint, void>)t[SlotReleaseTensorRtOptions];
        AppendCudaV2 = (delegate* unmanaged<nint, nint, nint>)t[SlotAppendCudaV2];
        CreateCudaOptions = (delegate* unmanaged<nint*, nint>)t[SlotCreateCudaOptions];
        ReleaseCudaOptions = (delegate* unmanaged<nint, void>)t[SlotReleaseCudaOptions];
    }

    public string VersionString { get; }

    public delegate* unmanaged<nint, int> GetErrorCode { get; }
    public delegate* unmanaged<nint, byte*> GetErrorMessage { get; }
    public delegate* unmanaged<int, byte*, nint*, nint> CreateEnv { get; }
    public delegate* unmanaged<nint, byte*, nint, nint*, nint> CreateSession { get; }
    public delegate* unmanaged<nint, nint, nint*, nint*, nuint, nint*, nuint, nint*, nint> Run { get; }
    public delegate* unmanaged<nint*, nint> CreateSessionOptions { get; }
    public delegate* unmanaged<nint, int, nint> SetGraphOptimizationLevel { get; }
    public delegate* unmanaged<nint, int, nint> SetIntraOpNumThreads { get; }
    public delegate* unmanaged<nint, int, nint> SetInterOpNumThreads { get; }
    public delegate* unmanaged<nint, nuint*, nint> SessionGetInputCount { get; }
    public delegate* unmanaged<nint, nuint*, nint> SessionGetOutputCount { get; }
    public delegate* unmanaged<nint, nuint, nint*, nint> SessionGetInputTypeInfo { get; }
    public delegate* unmanaged<nint, nuint, nint*, nint> SessionGetOutputTypeInfo { get; }
    public delegate* unmanaged<nint, nuint, nint, byte**, nint> SessionGetInputName { get; }
    public delegate* unmanaged<nint, nuint, nint, byte**, nint> SessionGetOutputName { get; }
    public delegate* unmanaged<nint, void*, nuint, long*, nuint, int, nint*, nint> CreateTensorWithDataAsOrtValue { get; }
    public delegate* unmanaged<nint, void**, nint> GetTensorMutableData { get; }
    public delegate* unmanaged<nint, nint*, nint> CastTypeInfoToTensorInfo { get; }
    public delegate* unmanaged<nint, int*, nint> GetOnnxTypeFromTypeInfo { get; }
    public delegate* unmanaged<nint, int*, nint> GetTensorElementType { get; }
    public delegate* unmanaged<nint, nuint*, nint> GetDimensionsCount { get; }
    public delegate* unmanaged<nint, long*, nuint, nint> GetDimensions { get; }
    public delegate* unmanaged<nint, nint*, nint> GetTensorTypeAndShape { get; }
    public delegate* unmanaged<int, int, nint*, nint> CreateCpuMemoryInfo { get; }
    public delegate* unmanaged<nint, void*, nint> AllocatorFree { get; }
    public delegate* unmanaged<nint*, nint> GetAllocatorWithDefaultOptions { get; }
    public delegate* unmanaged<nint, void> ReleaseEnv { get; }
    public delegate* unmanaged<nint, void> ReleaseStatus { get; }
    public delegate* unmanaged<nint, void> ReleaseMemoryInfo { get; }
    public delegate* unmanaged<nint, void> ReleaseSession { get; }
    public delegate* unmanaged<nint, void> ReleaseValue { get; }
    public delegate* unmanaged<nint, void> ReleaseTypeInfo { get; }
    public delegate* unmanaged<nint, void> ReleaseTensorTypeAndShapeInfo { get; }
    public delegate* unmanaged<nint, void> ReleaseSessionOptions { get; }
    public delegate* unmanaged<nint, nint*, nint> SessionGetModelMetadata { get; }
    public delegate* unmanaged<nint, nint, byte**, nint> ModelMetadataGetProducerName { get; }
    public delegate* unmanaged<nint, nint, byte**, nint> ModelMetadataGetGraphName { get; }
    public delegate* unmanaged<nint, nint, byte**, nint> ModelMetadataGetDescription { get; }

    /// <summary>Sets the value to null when the key is absent; a value it returns is the caller's to free.</summary>
    public delegate* unmanaged<nint, nint, byte*, byte**, nint> ModelMetadataLookupCustomMetadataMap { get; }
    public delegate* unmanaged<nint, long*, nint> ModelMetadataGetVersion { get; }
    public delegate* unmanaged<nint, void> ReleaseModelMetadata { get; }

    /// <summary>The key array and each key are allocated with the given allocator; the array is null when there are no keys.</summary>
    public delegate* unmanaged<nint, nint, byte***, long*, nint> ModelMetadataGetCustomMetadataMapKeys { get; }
    public delegate* unmanaged<byte***, int*, nint> GetAvailableProviders { get; }
    public delegate* unmanaged<byte**, int, nint> ReleaseAvailableProviders { get; }
    public delegate* unmanaged<nint, nint, nint> AppendTensorRtV2 { get; }
    public delegate* unmanaged<nint*, nint> CreateTensorRtOptions { get; }
    public delegate* unmanaged<nint, void> ReleaseTensorRtOptions { get; }
    public delegate* unmanaged<nint, nint, nint> AppendCudaV2 { get; }
    public delegate* unmanaged<nint*, nint> CreateCudaOptions { get; }
    public delegate* unmanaged<nint, void> ReleaseCudaOptions { get; }

    /// <summary>
    /// Throws when <paramref name="status"/> is an error, after releasing it (a non-null OrtStatus is always
    /// owned by the caller). The message starts with <paramref name="context"/>, which names what was done to what.
    /// </summary>
    public void Check(nint status, string context)
    {
        if (status != 0)
        {
            throw TakeError(status, context);
        }
    }

    /// <summary>Turns an error status into an exception and releases the status.</summary>
    public OnnxRuntimeException TakeError(nint status, string context)
    {
        try
        {
            var code = (OrtErrorCode)GetErrorCode(status);
            var message = Marshal.PtrToStringUTF8((nint)GetErrorMessage(status)) ?? "(no message)";
            return new OnnxRuntimeException(code, $"{context}: {message}");
        }
        finally
        {
            ReleaseStatus(status);
        }
    }

    /// <summary>Copies a string the default allocator returned, then frees it with that allocator (never release the allocator itself).</summary>
    public string TakeAllocatedString(byte* value)
    {
        nint allocator;
        Check(GetAllocatorWithDefaultOptions(&allocator), "getting the default allocator");
        try
        {
            return Marshal.PtrToStringUTF8((nint)value) ?? string.Empty;
        }
        finally
        {
            Check(AllocatorFree(allocator, value), "freeing a string ONNX Runtime returned");
        }
    }
}
