using System.Text.Json.Serialization;
using GzAiEdge.Contracts.Api;

namespace GzAiEdge.Contracts.Json;

/// <summary>Source-generated serialization of the cloud API's responses (camelCase), shared by the API and its clients.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(IReadOnlyList<LatestKpis>))]
public sealed partial class GzApiJsonContext : JsonSerializerContext;
