using System.Buffers;
using System.Net;
using GzAiEdge.Testing;
using GzAiEdge.TimeSeries;
using Microsoft.Extensions.Options;

namespace GzAiEdge.TimeSeries.Tests;

/// <summary>Both write APIs against a real VictoriaMetrics, which takes line protocol on <c>/write</c> and <c>/api/v2/write</c>.</summary>
[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed class InfluxDbClientWriteApiTests : IAsyncLifetime
{
    private static readonly long Time = LinePoint.ToUnixNanoseconds(new DateTimeOffset(2026, 11, 22, 8, 0, 10, TimeSpan.Zero)) + 123_456_789;
    private readonly HttpClient _http = new();
    private VictoriaMetricsServer _server = null!;

    public async Task InitializeAsync() => _server = await VictoriaMetricsServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public async Task Points_written_through_either_api_are_read_back_with_their_values_tags_and_times()
    {
        var v1 = Client(new InfluxDbOptions { BaseAddress = _server.BaseAddress, Database = "gz" });
        var v2 = Client(new InfluxDbOptions { BaseAddress = _server.BaseAddress, WriteApi = InfluxWriteApi.V2, Org = "gz-org", Bucket = "kpis" });

        await v1.WriteAsync(Lines(Point("cam-01", 3, 0.1)), CancellationToken.None);
        await v2.WriteAsync(Lines(Point("cam-02", 4, 41.5), Point("cam-03", 5, -2.5E-07)), CancellationToken.None);

        var series = await _server.ExportAsync("{__name__=~\"kpi_(seq|speed)\"}");
        Assert.Equal(6, series.Count);
        Assert.All(series, s => Assert.Equal([Time / 1_000_000], s.Timestamps));
        Assert.All(series, s => Assert.Equal("tianhe-01", s.Labels["site"]));
        string[] devices = ["cam-01", "cam-02", "cam-03"];
        Assert.Equal([(3.0, 0.1), (4.0, 41.5), (5.0, -2.5E-07)], devices.Select(device =>
            (series.Single(s => s.Name == "kpi_seq" && s.Labels["device"] == device).Values.Single(),
             series.Single(s => s.Name == "kpi_speed" && s.Labels["device"] == device).Values.Single())));

        // The 1.x API names its database; the v2 API names org and bucket in the request, not in the data.
        Assert.All(series, s => Assert.Equal(s.Labels["device"] == "cam-01", s.Labels.GetValueOrDefault("db") == "gz"));
    }

    [Fact]
    public async Task V2_writes_go_to_api_v2_write_naming_org_and_bucket_with_nanosecond_precision_and_the_token()
    {
        var recorder = new Recorder();
        using var http = new HttpClient(recorder);
        var client = new InfluxDbClient(http, Options.Create(new InfluxDbOptions
        {
            BaseAddress = new Uri("http://store.example:8428/prefix/"),
            WriteApi = InfluxWriteApi.V2,
            Org = "gz org",
            Bucket = "kpis/raw",
            Token = "t0ken",
        }));

        await client.WriteAsync(Lines(Point("cam-01", 1, 1)), CancellationToken.None);

        Assert.Equal("http://store.example:8428/prefix/api/v2/write?org=gz%20org&bucket=kpis%2Fraw&precision=ns", recorder.Uri);
        Assert.Equal("Token t0ken", recorder.Authorization);
    }

    [Fact]
    public async Task A_v2_error_body_is_reported_by_its_message()
    {
        var recorder = new Recorder
        {
            Answer = new HttpResponseMessage(HttpStatusCode.UnprocessableEntity)
            {
                Content = new StringContent("{\"code\":\"unprocessable entity\",\"message\":\"failure writing points: field type conflict\"}"),
            },
        };
        using var http = new HttpClient(recorder);
        var client = new InfluxDbClient(http, Options.Create(new InfluxDbOptions { WriteApi = InfluxWriteApi.V2, Org = "o", Bucket = "b" }));

        var error = await Assert.ThrowsAsync<InfluxDbWriteRejectedException>(() => client.WriteAsync(Lines(Point("cam-01", 1, 1)), CancellationToken.None));

        Assert.Equal("failure writing points: field type conflict", error.Error);
    }

    private InfluxDbClient Client(InfluxDbOptions options) => new(_http, Options.Create(options));

    private static LinePoint Point(string device, long seq, double speed) =>
        new("kpi", [new("site", "tianhe-01"), new("device", device)], [new("seq", seq), new("speed", speed), new("hash", "not a number")], Time);

    private static ReadOnlyMemory<byte> Lines(params LinePoint[] points)
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new LineProtocolWriter(output);
        foreach (var point in points)
        {
            writer.Write(point);
        }

        return output.WrittenMemory;
    }

    /// <summary>Records the request it is given and answers 204, or what the test sets.</summary>
    private sealed class Recorder : HttpMessageHandler
    {
        public string? Uri { get; private set; }

        public string? Authorization { get; private set; }

        public HttpResponseMessage Answer { get; init; } = new(HttpStatusCode.NoContent);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Uri = request.RequestUri!.AbsoluteUri;
            Authorization = request.Headers.Authorization?.ToString();
            return Task.FromResult(Answer);
        }
    }
}
