using System.Text.Json.Serialization;
using GzAiEdge.Contracts.Audits;
using GzAiEdge.Contracts.Messages;

namespace GzAiEdge.Contracts.Json;

/// <summary>
/// Source-generated serialization for every v1 message (and the model manifest, audit answers, the audit inputs index and evidence uploads): camelCase, no reflection, and unknown
/// members rejected, so that a field a device added by mistake is an error rather than silently lost.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(KpiReport))]
[JsonSerializable(typeof(Heartbeat))]
[JsonSerializable(typeof(DeviceEvent))]
[JsonSerializable(typeof(DeviceState))]
[JsonSerializable(typeof(Checkpoint))]
[JsonSerializable(typeof(DeviceCommand))]
[JsonSerializable(typeof(ModelManifest))]
[JsonSerializable(typeof(AuditAnswer))]
[JsonSerializable(typeof(AuditInputsIndex))]
[JsonSerializable(typeof(Evidence.EvidenceUpload))]
public sealed partial class GzJsonContext : JsonSerializerContext;
