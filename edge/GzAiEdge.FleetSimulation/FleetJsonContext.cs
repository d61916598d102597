using System.Text.Json.Serialization;

namespace GzAiEdge.FleetSimulation;

/// <summary>The stats lines of <c>--json</c>, camelCase, one object per line.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(FleetStats))]
internal sealed partial class FleetJsonContext : JsonSerializerContext;
