using System.Text.Json;

namespace GzAiEdge.Monitoring.Live;

/// <summary>How live events (and the alerts shown beside them) are written: web defaults, camelCase.</summary>
public static class LiveJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
