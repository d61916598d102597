using System.Text.Json.Serialization;
using GzAiEdge.Contracts.Evidence;

namespace GzAiEdge.EdgeRuntime.Evidence;

/// <summary>What the ring keeps beside an input: when it was read (full precision), its shape and the pipeline's outputs.</summary>
public sealed record EvidenceMeta(DateTimeOffset Time, EvidenceShape Shape, EvidenceOutputs Outputs);

/// <summary>Serialization of the ring's metadata files.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EvidenceMeta))]
internal sealed partial class EvidenceJsonContext : JsonSerializerContext;
