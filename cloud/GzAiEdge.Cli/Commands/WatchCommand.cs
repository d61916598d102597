using System.CommandLine;
using System.Net.Http.Json;
using GzAiEdge.Contracts.Api;
using GzAiEdge.Contracts.Json;
using Spectre.Console;

namespace GzAiEdge.Cli.Commands;

/// <summary><c>gz watch</c>: the latest KPIs of every device, refreshed live from the cloud API.</summary>
internal static class WatchCommand
{
    public static Command Create()
    {
        var api = new Option<string>("--api") { Description = "Cloud API base address", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        api.Validators.Add(result =>
        {
            if (!Uri.TryCreate(result.GetValueOrDefault<string>(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                result.AddError($"--api '{result.GetValueOrDefault<string>()}' is not an http(s) address, e.g. http://127.0.0.1:5080");
            }
        });
        var seconds = new Option<int?>("--seconds") { Description = "Stop after this many seconds (default: until Ctrl-C)" };
        var tokenFile = ApiCredentials.TokenFile();
        var command = new Command("watch", "Show the latest KPIs per device, updating live") { api, seconds, tokenFile };
        command.SetAction(async (result, token) =>
        {
            string? apiToken;
            try
            {
                apiToken = ApiCredentials.Resolve(result.GetValue(tokenFile));
            }
            catch (IOException ex)
            {
                Console.Error.WriteLine($"gz watch: {ex.Message}");
                return 2;
            }

            return await RunAsync(new Uri(result.GetValue(api)!), apiToken, result.GetValue(seconds), token);
        });
        return command;
    }

    private static async Task<int> RunAsync(Uri api, string? apiToken, int? seconds, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (seconds is { } s)
        {
            stop.CancelAfter(TimeSpan.FromSeconds(s));
        }

        using var http = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromSeconds(5) }.Authorize(apiToken);
        var table = new Table().Title($"GzAiEdge KPIs, latest per device ({api})").Expand();
        foreach (var column in new[] { "scenario", "sector", "site / device", "seq", "window end (UTC)", "KPIs" })
        {
            table.AddColumn(column);
        }

        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            return await PrintLinesAsync(http, apiToken, stop.Token);
        }

        await AnsiConsole.Live(table).StartAsync(async context =>
        {
            while (!stop.IsCancellationRequested)
            {
                table.Rows.Clear();
                var (rows, error) = await FetchAsync(http, apiToken, stop.Token);
                foreach (var r in rows)
                {
                    table.AddRow(Markup.Escape(r.Scenario), r.Sector, $"{r.Site} / {r.Device}", r.Seq.ToString(),
                        r.WindowEnd.ToString("HH:mm:ss"), Markup.Escape(Format(r.Kpis)));
                }

                table.Caption(error is null ? $"updated {DateTime.Now:HH:mm:ss} · Ctrl-C to stop" : $"[red]{Markup.Escape(error)}[/]");
                context.Refresh();
                await Pause(stop.Token);
            }
        });
        return 0;
    }

    // Without a terminal (CI, logs) a live table cannot redraw: print each new report as a line.
    private static async Task<int> PrintLinesAsync(HttpClient http, string? apiToken, CancellationToken token)
    {
        var seen = new Dictionary<string, long>();
        while (!token.IsCancellationRequested)
        {
            var (rows, error) = await FetchAsync(http, apiToken, token);
            if (error is not null)
            {
                Console.WriteLine($"waiting for the API: {error}");
            }

            foreach (var r in rows.Where(r => !seen.TryGetValue(r.Site + "/" + r.Device, out var last) || last != r.Seq))
            {
                seen[r.Site + "/" + r.Device] = r.Seq;
                Console.WriteLine($"{r.WindowEnd:HH:mm:ss} {r.Scenario} {r.Site}/{r.Device} seq={r.Seq} {Format(r.Kpis)}");
            }

            await Pause(token);
        }

        return 0;
    }

    private static async Task<(IReadOnlyList<LatestKpis> Rows, string? Error)> FetchAsync(HttpClient http, string? apiToken, CancellationToken token)
    {
        try
        {
            using var response = await http.GetAsync(new Uri("api/v1/kpis/latest", UriKind.Relative), token);
            if (!response.IsSuccessStatusCode)
            {
                return ([], $"the cloud answered {(int)response.StatusCode}{ApiCredentials.Hint((int)response.StatusCode, apiToken)}");
            }

            var rows = await response.Content.ReadFromJsonAsync(GzApiJsonContext.Default.IReadOnlyListLatestKpis, token);
            return (rows ?? [], null);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !token.IsCancellationRequested)
        {
            return ([], ex.Message);
        }
    }

    private static async Task Pause(CancellationToken token)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(1), token);
        }
        catch (OperationCanceledException)
        {
            // Stopping is what was asked for.
        }
    }

    private static string Format(IReadOnlyDictionary<string, double> kpis) =>
        string.Join("  ", kpis.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key}={k.Value:0.##}"));
}
