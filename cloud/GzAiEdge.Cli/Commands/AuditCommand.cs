using System.CommandLine;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using GzAiEdge.Audits.Runs;
using GzAiEdge.Contracts.Api;
using Spectre.Console;

namespace GzAiEdge.Cli.Commands;

/// <summary>
/// <c>gz audit start | show | list</c>: sealed audit runs through the cloud API. <c>start</c> audits a scenario's listed
/// devices on a test set and, with <c>--wait</c>, follows them until every part ended; exit 0 when every part was scored,
/// 1 when one was not, 2 when the audit could not be started or read.
/// </summary>
internal static class AuditCommand
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Command Create()
    {
        var api = new Option<string>("--api") { Description = "The cloud API, e.g. http://127.0.0.1:5080", Required = true, Recursive = true };
        var caFile = new Option<string?>("--ca-file") { Description = "PEM CA an https --api must chain to (gz provision's ca.crt)", Recursive = true };
        var tokenFile = ApiCredentials.TokenFile();
        var scenario = new Option<string>("--scenario") { Description = "The scenario whose listed devices are audited", Required = true };
        var site = new Option<string?>("--site") { Description = "Only the devices of this site" };
        var device = new Option<string?>("--device") { Description = "Only this device (site/device or device)" };
        var testSet = new Option<string>("--testset") { Description = "Test set name or name@version (gz testset list)", Required = true };
        var deadline = new Option<int?>("--deadline-minutes") { Description = "Minutes the devices have to answer (default: the cloud's Audits:DeadlineMinutes)" };
        var wait = new Option<bool>("--wait") { Description = "Follow the audit until every device's part ended, then show it" };
        var timeout = new Option<int>("--timeout") { Description = "Seconds --wait waits", DefaultValueFactory = _ => 3600 };
        var id = new Argument<string>("id") { Description = "The audit id gz audit start printed" };
        var listScenario = new Option<string?>("--scenario") { Description = "Only the audits of this scenario" };

        var start = new Command("start", "Audit a scenario's listed devices on a sealed test set") { scenario, site, device, testSet, deadline, wait, timeout };
        start.SetAction((r, token) => GuardAsync(async () =>
        {
            using var http = Http(r.GetValue(api)!, r.GetValue(caFile), r.GetValue(tokenFile));
            var (s, d) = r.GetValue(device) is { } dev && dev.Contains('/', StringComparison.Ordinal) ? (dev.Split('/')[0], dev.Split('/')[1]) : (r.GetValue(site), r.GetValue(device));
            using var response = await http.PostAsJsonAsync(new Uri("api/v1/audits", UriKind.Relative),
                new AuditRequest(r.GetValue(scenario), r.GetValue(testSet), s, d, r.GetValue(deadline)), token);
            if (!response.IsSuccessStatusCode)
            {
                Console.Error.WriteLine($"gz audit start: the cloud refused it ({(int)response.StatusCode}): {await ProblemAsync(response, token)}");
                return 2;
            }

            var audit = (await response.Content.ReadFromJsonAsync<AuditView>(Json, token))!;
            Console.WriteLine(audit.Id);
            Console.WriteLine($"  {audit.Scenario}: {audit.TestSet} {audit.Version} ({audit.Items} items, {audit.Repeats} repeated), {audit.Devices.Count} devices, deadline {audit.Deadline:O}");
            return r.GetValue(wait) ? await FollowAsync(http, audit.Id, TimeSpan.FromSeconds(r.GetValue(timeout)), token) : 0;
        }));

        var show = new Command("show", "Show an audit: each device's state, metrics with 95% intervals, integrity flags and answers") { id };
        show.SetAction((r, token) => GuardAsync(async () =>
        {
            using var http = Http(r.GetValue(api)!, r.GetValue(caFile), r.GetValue(tokenFile));
            return await GetAsync(http, r.GetValue(id)!, token) is { } audit ? Print(audit) : 2;
        }));

        var list = new Command("list", "List the latest audits") { listScenario };
        list.SetAction((r, token) => GuardAsync(async () =>
        {
            using var http = Http(r.GetValue(api)!, r.GetValue(caFile), r.GetValue(tokenFile));
            var query = r.GetValue(listScenario) is { } only ? $"?scenario={Uri.EscapeDataString(only)}" : string.Empty;
            var audits = (await http.GetFromJsonAsync<List<AuditView>>(new Uri($"api/v1/audits{query}", UriKind.Relative), Json, token))!;
            var table = new Table().Title("Audits");
            foreach (var column in new[] { "audit", "scenario", "test set", "started", "devices" })
            {
                table.AddColumn(column);
            }

            foreach (var a in audits)
            {
                table.AddRow(a.Id, Markup.Escape(a.Scenario), Markup.Escape($"{a.TestSet} {a.Version}"), a.Started.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    Markup.Escape(string.Join(", ", a.Devices.Select(p => $"{p.Site}/{p.Device} {p.State}"))));
            }

            AnsiConsole.Write(table);
            return 0;
        }));
        return new Command("audit", "Sealed audit runs through the cloud API: start, show, list") { api, caFile, tokenFile, start, show, list };
    }

    private static async Task<int> FollowAsync(HttpClient http, string id, TimeSpan timeout, CancellationToken token)
    {
        var until = DateTimeOffset.UtcNow + timeout;
        while (DateTimeOffset.UtcNow < until)
        {
            if (await GetAsync(http, id, token) is not { } audit)
            {
                return 2;
            }

            if (audit.Devices.All(p => PartStates.IsFinal(p.State)))
            {
                return Print(audit);
            }

            await Task.Delay(Poll, token);
        }

        Console.Error.WriteLine($"gz audit start: audit {id} has parts still pending after {timeout.TotalSeconds:0} s (see gz audit show {id})");
        return 2;
    }

    private static int Print(AuditView audit)
    {
        AnsiConsole.MarkupLineInterpolated($"audit {audit.Id}: {audit.Scenario}, {audit.TestSet} {audit.Version} ({audit.Pipeline}, {audit.Items} items, {audit.Repeats} repeated), started {audit.Started:O}");
        foreach (var p in audit.Devices)
        {
            var table = new Table().Title(Markup.Escape($"{p.Site}/{p.Device}: {p.State}{(p.Reason is null ? string.Empty : $" ({p.Reason})")}"));
            table.AddColumn("").AddColumn("").AddColumn("");
            if (p.Model is { } m)
            {
                table.AddRow("model", Markup.Escape($"{m.Name} {m.Version}"), m.Sha256[..16]);
                table.AddRow("latency p95", $"{p.LatencyP95Ms:0.###} ms", $"threshold {p.Threshold:0.###}");
            }

            foreach (var (key, metric) in p.Metrics ?? new Dictionary<string, Evaluation.Audits.AuditMetric>())
            {
                table.AddRow(key, metric.Value.ToString("0.####", CultureInfo.InvariantCulture), $"95% {metric.Low:0.####}–{metric.High:0.####} ({metric.Items} items)");
            }

            foreach (var flag in p.Flags ?? [])
            {
                table.AddRow(flag.Name, flag.Passed switch { true => "[green]passed[/]", false => "[red]failed[/]", null => "not checked" }, Markup.Escape(flag.Detail));
            }

            foreach (var answer in p.Answers.Where(a => !a.Accepted))
            {
                table.AddRow("answer rejected", answer.Received.ToString("HH:mm:ss", CultureInfo.InvariantCulture), Markup.Escape(answer.Reason));
            }

            AnsiConsole.Write(table);
        }

        return audit.Devices.All(p => p.State == PartStates.Scored) ? 0 : 1;
    }

    private static async Task<AuditView?> GetAsync(HttpClient http, string id, CancellationToken token)
    {
        using var response = await http.GetAsync(new Uri($"api/v1/audits/{Uri.EscapeDataString(id)}", UriKind.Relative), token);
        if (response.IsSuccessStatusCode)
        {
            return await response.Content.ReadFromJsonAsync<AuditView>(Json, token);
        }

        Console.Error.WriteLine($"gz audit: the cloud answered {(int)response.StatusCode}: {await ProblemAsync(response, token)}");
        return null;
    }

    // An evaluator's token (--token-file or GZ_TOKEN): audits are the Evaluator policy's (docs/security.md).
    private static HttpClient Http(string api, string? caFile, string? tokenFile) =>
        new HttpClient(SendCommand.Handler(caFile)) { BaseAddress = new Uri(api), Timeout = TimeSpan.FromSeconds(120) }.Authorize(ApiCredentials.Resolve(tokenFile));

    private static async Task<string> ProblemAsync(HttpResponseMessage response, CancellationToken token) =>
        SendCommand.Problem(await response.Content.ReadAsStringAsync(token));

    private static async Task<int> GuardAsync(Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or IOException or UriFormatException || ex is TaskCanceledException)
        {
            Console.Error.WriteLine($"gz audit: {ex.Message}");
            return 2;
        }
    }
}
