using System.Buffers;
using System.Net;
using GzAiEdge.Testing;
using GzAiEdge.TimeSeries;
using Microsoft.Extensions.Options;

namespace GzAiEdge.TimeSeries.Tests;

/// <summary>Against a real InfluxDB 1.x, one server per test.</summary>
[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed class InfluxDbClientTests : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private InfluxDbServer _server = null!;
    private InfluxDbClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await InfluxDbServer.StartAsync();
        _client = new InfluxDbClient(_http, Options.Create(new InfluxDbOptions { BaseAddress = _server.BaseAddress, Database = _server.Database }));
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public async Task Written_points_are_read_back_with_escaped_tags()
    {
        string[] nasty = ["智慧交通", "a b", "c,d", "e=f", "back\\slash", "quote\"s", "it's", "all of ,= \"' \\智"];
        var time = LinePoint.ToUnixNanoseconds(new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero));
        await WriteAsync([.. nasty.Select((value, i) => new LinePoint("kpi test", [new("site", value), new("device", "d,1")],
            [new("speed", 0.1), new("count", i), new("ok", true), new("note", $"say \"{value}\"\n")], time + i))]);

        for (var i = 0; i < nasty.Length; i++)
        {
            var result = await _client.QueryAsync(
                $"SELECT * FROM {InfluxQl.Identifier("kpi test")} WHERE {InfluxQl.Identifier("site")} = {InfluxQl.StringLiteral(nasty[i])} GROUP BY *", CancellationToken.None);

            var series = Assert.Single(result.Series);
            Assert.Equal("kpi test", series.Name);
            Assert.Equal(new Dictionary<string, string> { ["device"] = "d,1", ["site"] = nasty[i] }, series.Tags);
            Assert.Single(series.Values);
            Assert.Equal(time + i, series.Value(0, "time").GetInt64());
            Assert.Equal(0.1, series.Value(0, "speed").GetDouble());
            Assert.Equal(i, series.Value(0, "count").GetInt64());
            Assert.True(series.Value(0, "ok").GetBoolean());
            Assert.Equal($"say \"{nasty[i]}\"\n", series.Value(0, "note").GetString());
        }
    }

    [Fact]
    public async Task Writing_the_same_point_twice_stores_one_point_with_the_last_fields()
    {
        await WriteAsync([new LinePoint("kpi", [new("device", "d1")], [new("v", 1.0), new("seq", 7)], 1_000)]);
        await WriteAsync([new LinePoint("kpi", [new("device", "d1")], [new("v", 2.0), new("seq", 7)], 1_000)]);

        var series = Assert.Single((await _client.QueryAsync("SELECT * FROM kpi", CancellationToken.None)).Series);
        Assert.Single(series.Values);
        Assert.Equal(2.0, series.Value(0, "v").GetDouble());
    }

    [Fact]
    public async Task A_malformed_line_is_rejected_with_influxdbs_error_text()
    {
        var error = await Assert.ThrowsAsync<InfluxDbWriteRejectedException>(() => _client.WriteAsync("kpi v=\n"u8.ToArray(), CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("unable to parse 'kpi v=': missing field value", error.Error);
    }

    [Fact]
    public async Task A_field_type_conflict_is_a_rejected_partial_write_that_keeps_the_valid_points()
    {
        await WriteAsync([new LinePoint("kpi", [], [new("v", 1.0)], 1)]);

        var error = await Assert.ThrowsAsync<InfluxDbWriteRejectedException>(
            () => _client.WriteAsync("kpi v=\"text\" 2\nkpi v=3 3\n"u8.ToArray(), CancellationToken.None));

        Assert.StartsWith("partial write: field type conflict", error.Error, StringComparison.Ordinal);
        var series = Assert.Single((await _client.QueryAsync("SELECT v FROM kpi", CancellationToken.None)).Series);
        Assert.Equal([1L, 3L], series.Values.Select(row => row[0].GetInt64()));
    }

    [Fact]
    public async Task A_stopped_server_makes_writes_and_queries_unavailable_and_ping_false()
    {
        await _server.StopAsync();

        await Assert.ThrowsAsync<InfluxDbUnavailableException>(() => _client.WriteAsync("kpi v=1 1\n"u8.ToArray(), CancellationToken.None));
        await Assert.ThrowsAsync<InfluxDbUnavailableException>(() => _client.QueryAsync("SELECT * FROM kpi", CancellationToken.None));
        Assert.False(await _client.PingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Data_survives_a_restart_and_a_kill()
    {
        await WriteAsync([new LinePoint("kpi", [], [new("v", 1.0)], 1)]);
        await _server.RestartAsync();
        await WriteAsync([new LinePoint("kpi", [], [new("v", 2.0)], 2)]);
        _server.Kill();
        await _server.StartAgainAsync();

        Assert.True(await _client.PingAsync(CancellationToken.None));
        var series = Assert.Single((await _client.QueryAsync("SELECT v FROM kpi", CancellationToken.None)).Series);
        Assert.Equal([1.0, 2.0], series.Values.Select(row => row[1].GetDouble()));
    }

    [Fact]
    public async Task A_missing_database_makes_writes_unavailable_until_it_is_created()
    {
        var client = new InfluxDbClient(_http, Options.Create(new InfluxDbOptions { BaseAddress = _server.BaseAddress, Database = "other db" }));

        var error = await Assert.ThrowsAsync<InfluxDbUnavailableException>(() => client.WriteAsync("kpi v=1 1\n"u8.ToArray(), CancellationToken.None));
        Assert.Contains("database not found", error.Message, StringComparison.Ordinal);

        await client.EnsureDatabaseAsync(CancellationToken.None);
        await client.EnsureDatabaseAsync(CancellationToken.None);
        await client.WriteAsync("kpi v=1 1\n"u8.ToArray(), CancellationToken.None);
    }

    [Fact]
    public async Task Query_errors_carry_influxdbs_message()
    {
        var parse = await Assert.ThrowsAsync<InfluxQueryException>(() => _client.QueryAsync("SELEC v FROM kpi", CancellationToken.None));
        Assert.StartsWith("error parsing query: found SELEC", parse.Error, StringComparison.Ordinal);

        var statement = await Assert.ThrowsAsync<InfluxQueryException>(() => _client.QueryAsync("SELECT v FROM kpi GROUP BY time(1m)", CancellationToken.None));
        Assert.Equal("statement 0: GROUP BY requires at least one aggregate function", statement.Error);
    }

    [Fact]
    public async Task Time_literals_select_by_time()
    {
        var start = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
        await WriteAsync([.. Enumerable.Range(0, 3).Select(i => new LinePoint("kpi", [], [new("v", i)], LinePoint.ToUnixNanoseconds(start.AddMinutes(i))))]);

        var result = await _client.QueryAsync(
            $"SELECT v FROM kpi WHERE time >= {InfluxQl.TimeLiteral(start.AddMinutes(1))} AND time < {InfluxQl.TimeLiteral(start.AddMinutes(2))}", CancellationToken.None);

        var series = Assert.Single(result.Series);
        Assert.Equal(LinePoint.ToUnixNanoseconds(start.AddMinutes(1)), Assert.Single(series.Values)[0].GetInt64());
    }

    private async Task WriteAsync(IEnumerable<LinePoint> points)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new LineProtocolWriter(buffer);
        foreach (var point in points)
        {
            writer.Write(point);
        }

        await _client.WriteAsync(buffer.WrittenMemory, CancellationToken.None);
    }
}
