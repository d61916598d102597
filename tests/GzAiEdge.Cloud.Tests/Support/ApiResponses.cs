using System.Text.Json;

namespace GzAiEdge.Cloud.Tests.Support;

/// <summary>What both cloud hosts of the tests (in-process and child process) do with an API answer.</summary>
internal static class ApiResponses
{
    /// <summary>GETs <paramref name="path"/>, asserts success (naming the status and body when not) and parses the JSON.</summary>
    public static async Task<JsonElement> GetJsonAsync(this HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
