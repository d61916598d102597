using GzAiEdge.Testing;

namespace GzAiEdge.EndToEnd.Tests;

/// <summary>
/// The cloud as a process: keep-alive comments on a quiet live (SSE) stream, a stop that ends the stream, and the
/// notifications it sends as systemd's <c>Type=notify</c> service with <c>WatchdogSec=</c>.
/// </summary>
[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed class CloudShutdownTests : IDisposable
{
    private readonly TempFolder _folder = new("gz-cloud-stop");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_quiet_live_stream_gets_keep_alive_comments_and_a_stop_ends_it_and_the_process_within_5_s()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var influx = await InfluxDbServer.StartAsync();
        var (cloud, api) = await GzProcesses.StartCloudAsync(broker, influx, _folder, "--LiveFeed:KeepAliveSeconds=1");
        await using var _ = cloud;
        using var http = CloudAccounts.AdminClient(api, _folder);
        http.Timeout = Timeout.InfiniteTimeSpan;
        using var response = await http.GetAsync(new Uri("/api/v1/live", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        using var stream = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        Assert.Equal("event: ready", await stream.ReadLineAsync(guard.Token));
        string? line;
        while ((line = await stream.ReadLineAsync(guard.Token)) != ": keep-alive")
        {
            Assert.NotNull(line);
        }

        Posix.Terminate(cloud.Pid);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await cloud.WaitForExitAsync(stop.Token);
        Assert.Equal(0, cloud.ExitCode);
        // The stream ended with the process: what was left to read ends (or the connection is gone), rather than hanging.
        try
        {
            while (await stream.ReadLineAsync(guard.Token) is not null)
            {
            }
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task Under_systemd_the_cloud_says_ready_feeds_the_watchdog_and_says_stopping()
    {
        using var socket = new NotifySocket(_folder.File("notify"));
        await using var broker = await MosquittoBroker.StartAsync();
        await using var influx = await InfluxDbServer.StartAsync();
        var (cloud, _) = await GzProcesses.StartCloudAsync(broker, influx, _folder,
            new Dictionary<string, string> { ["NOTIFY_SOCKET"] = socket.Name, ["WATCHDOG_USEC"] = "1000000" });
        await using var __ = cloud;

        var ready = await socket.ReceiveAsync(TimeSpan.FromSeconds(60));
        Assert.True(ready?.StartsWith("READY=1\nSTATUS=running; ", StringComparison.Ordinal), $"first notification: {ready}; cloud output:\n{cloud.Output}");
        for (var i = 0; i < 2; i++)
        {
            var next = await socket.ReceiveAsync(TimeSpan.FromSeconds(60));
            Assert.True(next?.StartsWith("WATCHDOG=1\nSTATUS=running; ", StringComparison.Ordinal), $"notification {i + 2}: {next}");
        }

        await cloud.StopAsync(TimeSpan.FromSeconds(20));
        Assert.NotNull(await socket.WaitForAsync("STOPPING=1", TimeSpan.FromSeconds(5)));
        Assert.Equal(0, cloud.ExitCode);
    }
}
