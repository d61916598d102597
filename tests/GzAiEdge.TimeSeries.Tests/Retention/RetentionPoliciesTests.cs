using GzAiEdge.Testing;
using GzAiEdge.TimeSeries.Retention;
using Microsoft.Extensions.Options;

namespace GzAiEdge.TimeSeries.Tests.Retention;

[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed class RetentionPoliciesTests
{
    [Fact]
    public async Task The_policies_and_the_continuous_query_are_set_once_and_follow_a_changed_configuration()
    {
        await using var server = await InfluxDbServer.StartAsync();
        using var http = new HttpClient();
        var client = new InfluxDbClient(http, Options.Create(new InfluxDbOptions { BaseAddress = server.BaseAddress, Database = server.Database }));
        var options = new RetentionOptions();

        var first = await RetentionPolicies.EnsureAsync(client, server.Database, options, CancellationToken.None);
        var again = await RetentionPolicies.EnsureAsync(client, server.Database, options, CancellationToken.None);

        Assert.Equal(3, first.Count);
        Assert.Empty(again);
        Assert.Equal([("autogen", "9600h0m0s", true), ("downsampled", "0s", false)], await PoliciesAsync(client, server.Database));
        Assert.Equal(["kpi_downsampled_60m"], await QueriesAsync(client, server.Database));

        options.RawDays = 800;
        options.DownsampleMinutes = 15;
        var changed = await RetentionPolicies.EnsureAsync(client, server.Database, options, CancellationToken.None);

        Assert.Equal(3, changed.Count);
        Assert.Equal([("autogen", "19200h0m0s", true), ("downsampled", "0s", false)], await PoliciesAsync(client, server.Database));
        Assert.Equal(["kpi_downsampled_15m"], await QueriesAsync(client, server.Database));
    }

    private static async Task<List<(string, string, bool)>> PoliciesAsync(InfluxDbClient client, string database)
    {
        var result = await client.QueryAsync($"SHOW RETENTION POLICIES ON {InfluxQl.Identifier(database)}", CancellationToken.None);
        return [.. result.Series.SelectMany(s => Enumerable.Range(0, s.Values.Count).Select(r =>
            (s.Value(r, "name").GetString()!, s.Value(r, "duration").GetString()!, s.Value(r, "default").GetBoolean()))).OrderBy(p => p.Item1, StringComparer.Ordinal)];
    }

    private static async Task<List<string>> QueriesAsync(InfluxDbClient client, string database)
    {
        var result = await client.QueryAsync("SHOW CONTINUOUS QUERIES", CancellationToken.None);
        return [.. result.Series.Where(s => s.Name == database).SelectMany(s => Enumerable.Range(0, s.Values.Count).Select(r => s.Value(r, "name").GetString()!))];
    }
}
