using System.Text;

namespace GzAiEdge.TimeSeries;

/// <summary>The line protocol write endpoint ingestion uses.</summary>
public enum InfluxWriteApi
{
    /// <summary>InfluxDB 1.x <c>/write?db=…</c>, HTTP basic authentication.</summary>
    V1,

    /// <summary><c>/api/v2/write?org=…&amp;bucket=…</c> with a token: InfluxDB 2.x and 3.x, VictoriaMetrics, clustered stores.</summary>
    V2,
}

/// <summary>Where the InfluxDB HTTP API is and how to reach it (configuration section <c>InfluxDb</c>).</summary>
// Setters, not init: the configuration binding source generator silently skips init-only properties.
public sealed record InfluxDbOptions
{
    public const string Section = "InfluxDb";

    /// <summary>The HTTP API root, e.g. <c>http://127.0.0.1:8086/</c>.</summary>
    public Uri BaseAddress { get; set; } = new("http://127.0.0.1:8086/");

    /// <summary>The 1.x database: queries (InfluxQL over <c>/query</c>) always use it, writes with <see cref="InfluxWriteApi.V1"/>.</summary>
    public string Database { get; set; } = "gz";

    /// <summary>Sent as HTTP basic authentication on 1.x requests when set (InfluxDB with <c>auth-enabled = true</c>).</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Per request; a request that takes longer counts as InfluxDB being unavailable.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Which write endpoint ingestion uses; <see cref="InfluxWriteApi.V1"/> by default.</summary>
    public InfluxWriteApi WriteApi { get; set; } = InfluxWriteApi.V1;

    /// <summary><see cref="InfluxWriteApi.V2"/>: the organization written to.</summary>
    public string? Org { get; set; }

    /// <summary><see cref="InfluxWriteApi.V2"/>: the bucket written to.</summary>
    public string? Bucket { get; set; }

    /// <summary><see cref="InfluxWriteApi.V2"/>: the API token, sent as <c>Authorization: Token …</c>; optional for stores without authentication.</summary>
    public string? Token { get; set; }

    // Secrets never reach a log or an error message through ToString.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"BaseAddress = {BaseAddress}, Database = {Database}, Username = {Username}, Password = {Secret(Password)}, ");
        builder.Append($"Timeout = {Timeout}, WriteApi = {WriteApi}, Org = {Org}, Bucket = {Bucket}, Token = {Secret(Token)}");
        return true;
    }

    private static string? Secret(string? value) => value is null ? null : "(set)";
}
