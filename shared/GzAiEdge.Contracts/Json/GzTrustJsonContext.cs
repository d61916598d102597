using System.Text.Json.Serialization;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Contracts.Verification;

namespace GzAiEdge.Contracts.Json;

/// <summary>Source-generated serialization of the trust model's files and results (key registry, chain verification), camelCase.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(DeviceKeyRegistryFile))]
[JsonSerializable(typeof(ChainVerification))]
[JsonSerializable(typeof(IReadOnlyList<ChainVerification>))]
public sealed partial class GzTrustJsonContext : JsonSerializerContext;
