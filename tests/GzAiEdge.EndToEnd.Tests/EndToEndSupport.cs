using GzAiEdge.Testing;
using GzAiEdge.TimeSeries;

namespace GzAiEdge.EndToEnd.Tests;

/// <summary>What the end-to-end tests share: waiting for a condition across processes, and reading InfluxDB back.</summary>
internal static class EndToEndSupport
{
    /// <summary>Polls until <paramref name="condition"/> holds; fails naming what was awaited, with every process's output.</summary>
    public static async Task WaitForAsync(Func<Task<bool>> condition, Func<string> what, params ChildProcess[] processes)
    {
        // Generous: this only guards against a hang; nothing here measures speed.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"timed out waiting for {what()}\n" + string.Join("\n", processes.Select(p => $"--- process {p.Pid} ---\n{p.Output}")));
    }

    /// <summary>An InfluxQL query against the test's InfluxDB, through the cloud's own client.</summary>
    public static async Task<InfluxQueryResult> QueryAsync(InfluxDbServer influx, string query)
    {
        using var http = new HttpClient();
        var client = new InfluxDbClient(http, Microsoft.Extensions.Options.Options.Create(new InfluxDbOptions { BaseAddress = influx.BaseAddress, Database = influx.Database }));
        return await client.QueryAsync(query, CancellationToken.None);
    }
}
