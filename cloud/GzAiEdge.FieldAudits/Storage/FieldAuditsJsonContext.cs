using System.Text.Json.Serialization;
using GzAiEdge.Contracts.Evidence;
using GzAiEdge.FieldAudits.Labels;

namespace GzAiEdge.FieldAudits.Storage;

/// <summary>Serialization of what the field-audit store keeps as JSON (camelCase): input shapes, device outputs, labels.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EvidenceShape))]
[JsonSerializable(typeof(EvidenceOutputs))]
[JsonSerializable(typeof(LabelInput))]
internal sealed partial class FieldAuditsJsonContext : JsonSerializerContext;
