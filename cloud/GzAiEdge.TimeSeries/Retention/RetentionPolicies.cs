using System.Globalization;
using static GzAiEdge.TimeSeries.StoredSchema;

namespace GzAiEdge.TimeSeries.Retention;

/// <summary>
/// Sets InfluxDB 1.x retention: the database's default policy (where every write and read goes) keeps raw points
/// <see cref="RetentionOptions.RawDays"/>; a policy <see cref="Downsampled"/> keeps KPI means per interval, filled by a
/// continuous query. Idempotent: each start makes the server match the configuration and says what it changed.
/// </summary>
public static class RetentionPolicies
{
    /// <summary>The retention policy of the downsampled KPI means.</summary>
    public const string Downsampled = "downsampled";

    /// <summary>The start of the name of the continuous query that fills it.</summary>
    public const string QueryPrefix = "kpi_downsampled_";

    /// <summary>Makes the server's policies and continuous query match <paramref name="options"/>; returns what it changed.</summary>
    public static async Task<IReadOnlyList<string>> EnsureAsync(InfluxDbClient influx, string database, RetentionOptions options, CancellationToken cancellationToken)
    {
        var db = InfluxQl.Identifier(database);
        var changes = new List<string>();
        await influx.QueryAsync($"CREATE DATABASE {db}", cancellationToken);
        var policies = await influx.QueryAsync($"SHOW RETENTION POLICIES ON {db}", cancellationToken);
        var rows = policies.Series.SelectMany(s => Enumerable.Range(0, s.Values.Count).Select(r => (
            Name: s.Value(r, "name").GetString()!, Duration: s.Value(r, "duration").GetString()!, Default: s.Value(r, "default").GetBoolean()))).ToList();

        var raw = rows.First(r => r.Default);
        if (raw.Duration != ShownDuration(options.RawDays))
        {
            await influx.QueryAsync($"ALTER RETENTION POLICY {InfluxQl.Identifier(raw.Name)} ON {db} DURATION {Literal(options.RawDays)}", cancellationToken);
            changes.Add($"raw points ({raw.Name}): {raw.Duration} → {ShownDuration(options.RawDays)}");
        }

        var downsampled = rows.FirstOrDefault(r => r.Name == Downsampled);
        if (downsampled.Name is null)
        {
            await influx.QueryAsync($"CREATE RETENTION POLICY {InfluxQl.Identifier(Downsampled)} ON {db} DURATION {Literal(options.DownsampledDays)} REPLICATION 1", cancellationToken);
            changes.Add($"downsampled KPI means ({Downsampled}): created, {ShownDuration(options.DownsampledDays)}");
        }
        else if (downsampled.Duration != ShownDuration(options.DownsampledDays))
        {
            await influx.QueryAsync($"ALTER RETENTION POLICY {InfluxQl.Identifier(Downsampled)} ON {db} DURATION {Literal(options.DownsampledDays)}", cancellationToken);
            changes.Add($"downsampled KPI means ({Downsampled}): {downsampled.Duration} → {ShownDuration(options.DownsampledDays)}");
        }

        // A continuous query cannot be altered, and InfluxDB shows its text back rewritten: the interval is in the name,
        // and one of another interval is dropped before this one is created.
        var name = QueryName(options.DownsampleMinutes);
        var queries = await influx.QueryAsync("SHOW CONTINUOUS QUERIES", cancellationToken);
        var ours = queries.Series.Where(s => s.Name == database)
            .SelectMany(s => Enumerable.Range(0, s.Values.Count).Select(r => s.Value(r, "name").GetString()!))
            .Where(n => n.StartsWith(QueryPrefix, StringComparison.Ordinal)).ToList();
        foreach (var stale in ours.Where(n => n != name))
        {
            await influx.QueryAsync($"DROP CONTINUOUS QUERY {InfluxQl.Identifier(stale)} ON {db}", cancellationToken);
            changes.Add($"continuous query {stale}: dropped");
        }

        if (!ours.Contains(name))
        {
            await influx.QueryAsync(
                $"CREATE CONTINUOUS QUERY {InfluxQl.Identifier(name)} ON {db} BEGIN SELECT mean(*) INTO {db}.{InfluxQl.Identifier(Downsampled)}.{InfluxQl.Identifier(Measurement.Kpi)} "
                + $"FROM {InfluxQl.Identifier(Measurement.Kpi)} GROUP BY time({options.DownsampleMinutes.ToString(CultureInfo.InvariantCulture)}m), * END",
                cancellationToken);
            changes.Add($"continuous query {name}: KPI means per {options.DownsampleMinutes} min into {Downsampled}");
        }

        return changes;
    }

    /// <summary>The continuous query's name for an interval.</summary>
    public static string QueryName(int minutes) => $"{QueryPrefix}{minutes.ToString(CultureInfo.InvariantCulture)}m";

    /// <summary>How SHOW RETENTION POLICIES writes a duration of <paramref name="days"/> days: "0s" for forever, hours otherwise.</summary>
    public static string ShownDuration(int days) => days == 0 ? "0s" : $"{(days * 24).ToString(CultureInfo.InvariantCulture)}h0m0s";

    private static string Literal(int days) => days == 0 ? "INF" : $"{days.ToString(CultureInfo.InvariantCulture)}d";
}
