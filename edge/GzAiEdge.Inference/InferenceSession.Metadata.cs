using GzAiEdge.Inference.Native;

namespace GzAiEdge.Inference;

/// <summary>Reads input/output names, types and shapes and the model's metadata from a new session.</summary>
public sealed unsafe partial class InferenceSession
{
    private TensorInfo[] ReadTensorInfos(nint session, bool input)
    {
        var api = Runtime.Api;
        var kind = input ? "input" : "output";
        nuint count;
        api.Check(input ? api.SessionGetInputCount(session, &count) : api.SessionGetOutputCount(session, &count), $"model {ModelPath}: counting {kind}s");
        nint allocator;
        api.Check(api.GetAllocatorWithDefaultOptions(&allocator), "getting the default allocator");
        var result = new TensorInfo[(int)count];
        for (nuint i = 0; i < count; i++)
        {
            byte* rawName;
            api.Check(input ? api.SessionGetInputName(session, i, allocator, &rawName) : api.SessionGetOutputName(session, i, allocator, &rawName),
                $"model {ModelPath}: reading the name of {kind} {i}");
            var name = api.TakeAllocatedString(rawName);
            nint rawType;
            api.Check(input ? api.SessionGetInputTypeInfo(session, i, &rawType) : api.SessionGetOutputTypeInfo(session, i, &rawType),
                $"model {ModelPath}: reading the type of {kind} '{name}'");
            using var typeInfo = new OrtTypeInfoHandle(rawType, api);
            result[(int)i] = ReadTensorInfo(api, name, rawType);
        }

        return result;
    }

    private TensorInfo ReadTensorInfo(OrtApi api, string name, nint typeInfo)
    {
        int onnxType;
        api.Check(api.GetOnnxTypeFromTypeInfo(typeInfo, &onnxType), $"model {ModelPath}: reading the kind of '{name}'");
        const int tensorKind = 1;
        if (onnxType != tensorKind)
        {
            return new TensorInfo(name, TensorElementType.Undefined, []);
        }

        // Borrowed from typeInfo: valid until typeInfo is released, never released itself.
        nint tensorInfo;
        api.Check(api.CastTypeInfoToTensorInfo(typeInfo, &tensorInfo), $"model {ModelPath}: reading tensor info of '{name}'");
        int elementType;
        api.Check(api.GetTensorElementType(tensorInfo, &elementType), $"model {ModelPath}: reading the element type of '{name}'");
        nuint rank;
        api.Check(api.GetDimensionsCount(tensorInfo, &rank), $"model {ModelPath}: reading the rank of '{name}'");
        var shape = new long[(int)rank];
        fixed (long* dims = shape)
        {
            api.Check(api.GetDimensions(tensorInfo, dims, rank), $"model {ModelPath}: reading the shape of '{name}'");
        }

        return new TensorInfo(name, (TensorElementType)elementType, shape);
    }

    private ModelMetadata ReadMetadata(nint session)
    {
        var api = Runtime.Api;
        nint raw;
        api.Check(api.SessionGetModelMetadata(session, &raw), $"model {ModelPath}: reading metadata");
        using var metadata = new OrtModelMetadataHandle(raw, api);
        nint allocator;
        api.Check(api.GetAllocatorWithDefaultOptions(&allocator), "getting the default allocator");
        byte* value;
        api.Check(api.ModelMetadataGetGraphName(raw, allocator, &value), $"model {ModelPath}: reading the graph name");
        var name = api.TakeAllocatedString(value);
        api.Check(api.ModelMetadataGetProducerName(raw, allocator, &value), $"model {ModelPath}: reading the producer name");
        var producer = api.TakeAllocatedString(value);
        api.Check(api.ModelMetadataGetDescription(raw, allocator, &value), $"model {ModelPath}: reading the description");
        var description = api.TakeAllocatedString(value);
        long version;
        api.Check(api.ModelMetadataGetVersion(raw, &version), $"model {ModelPath}: reading the model version");
        return new ModelMetadata(
            string.IsNullOrWhiteSpace(name) ? Path.GetFileNameWithoutExtension(ModelPath) : name,
            version is < 0 or long.MaxValue ? 0 : version,   // ONNX Runtime reports a model_version the file leaves unset as INT64_MAX
            producer,
            description,
            ReadCustomMetadata(api, raw, allocator));
    }

    private IReadOnlyDictionary<string, string> ReadCustomMetadata(OrtApi api, nint metadata, nint allocator)
    {
        byte** keys;
        long count;
        api.Check(api.ModelMetadataGetCustomMetadataMapKeys(metadata, allocator, &keys, &count), $"model {ModelPath}: listing the custom metadata keys");
        var result = new Dictionary<string, string>((int)count, StringComparer.Ordinal);
        if (keys is null)
        {
            return result.AsReadOnly();
        }

        // Every key is freed, and then the array, also when a lookup fails half-way.
        var taken = 0L;
        try
        {
            for (; taken < count; taken++)
            {
                byte* value;
                var status = api.ModelMetadataLookupCustomMetadataMap(metadata, allocator, keys[taken], &value);
                var key = api.TakeAllocatedString(keys[taken]);
                api.Check(status, $"model {ModelPath}: reading custom metadata '{key}'");
                result[key] = value is null ? string.Empty : api.TakeAllocatedString(value);
            }
        }
        finally
        {
            for (var i = taken + 1; i < count; i++)
            {
                api.ReleaseStatus(api.AllocatorFree(allocator, keys[i]));   // cleanup after an error: the first error is the one to report
            }

            api.Check(api.AllocatorFree(allocator, keys), $"model {ModelPath}: freeing the custom metadata keys");
        }

        return result.AsReadOnly();
    }

    private readonly record struct ModelMetadata(string GraphName, long Version, string Producer, string Description, IReadOnlyDictionary<string, string> Custom);
}
