using System.Net;
using System.Net.Sockets;
using GzAiEdge.Testing;
using GzAiEdge.TimeSeries;
using Microsoft.Extensions.Options;

namespace GzAiEdge.TimeSeries.Tests;

/// <summary>Servers that misbehave in ways a real InfluxDB cannot be made to.</summary>
public sealed class InfluxDbClientFailureTests
{
    [Fact]
    public async Task A_server_that_never_answers_is_unavailable_after_the_timeout()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var http = new HttpClient();
        var client = Client(http, listener, TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAsync<InfluxDbUnavailableException>(() => client.WriteAsync("kpi v=1 1\n"u8.ToArray(), CancellationToken.None));

        Assert.Contains("did not answer within", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_the_caller_token_cancels_instead_of_reporting_unavailable()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var http = new HttpClient();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var client = Client(http, listener, TimeSpan.FromSeconds(30));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.WriteAsync("kpi v=1 1\n"u8.ToArray(), cancel.Token));
    }

    [Fact]
    public async Task A_refused_connection_is_unavailable()
    {
        using var http = new HttpClient();
        var client = new InfluxDbClient(http, Options.Create(new InfluxDbOptions { BaseAddress = new Uri($"http://127.0.0.1:{FreePort.Next()}/") }));

        var error = await Assert.ThrowsAsync<InfluxDbUnavailableException>(() => client.WriteAsync("kpi v=1 1\n"u8.ToArray(), CancellationToken.None));

        Assert.Contains("unreachable", error.Message, StringComparison.Ordinal);
    }

    private static InfluxDbClient Client(HttpClient http, TcpListener listener, TimeSpan timeout) =>
        new(http, Options.Create(new InfluxDbOptions
        {
            BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/"),
            Timeout = timeout,
        }));
}
