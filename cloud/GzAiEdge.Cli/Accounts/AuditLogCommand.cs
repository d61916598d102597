using System.CommandLine;
using System.Net.Http.Json;
using System.Text.Json;
using GzAiEdge.AuditLog;
using GzAiEdge.Cli.Commands;

namespace GzAiEdge.Cli.Accounts;

/// <summary>
/// <c>gz audit-log</c>: the audit trail, newest first, from the cloud's API (an admin's token) or straight from the file
/// on the server; <c>--verify</c> checks the whole hash chain instead. Exit code 0, 1 when the chain is broken, 2 when
/// it could not be read.
/// </summary>
internal static class AuditLogCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Command Create()
    {
        var api = new Option<string?>("--api") { Description = "The cloud API, e.g. http://127.0.0.1:5080 (needs an admin's token)" };
        var file = new Option<string?>("--file") { Description = "Read the audit log file itself (AuditLog:Path), on the server" };
        var tokenFile = ApiCredentials.TokenFile();
        var actor = new Option<string?>("--actor") { Description = "Only this actor" };
        var action = new Option<string?>("--action") { Description = "Only this action, e.g. command.send or signin.failed" };
        var limit = new Option<int>("--limit") { Description = "Entries to show", DefaultValueFactory = _ => 50 };
        var verify = new Option<bool>("--verify") { Description = "Check the hash chain of the whole log" };
        var command = new Command("audit-log", "Show the audit trail (who did what, when, from where) or check its hash chain") { api, file, tokenFile, actor, action, limit, verify };
        command.Validators.Add(r =>
        {
            if ((r.GetValue(api) is null) == (r.GetValue(file) is null))
            {
                r.AddError("give either --api (ask the cloud, with an admin's token) or --file (the log file on the server)");
            }
        });
        command.SetAction(async (r, ct) =>
        {
            try
            {
                if (r.GetValue(verify))
                {
                    var check = r.GetValue(file) is { } path
                        ? await new SqliteAuditLog(path, TimeProvider.System).VerifyAsync(ct)
                        : await GetAsync<AuditChainCheck>(r.GetValue(api)!, ApiCredentials.Resolve(r.GetValue(tokenFile)), "api/v1/audit-log/verify", ct);
                    Console.WriteLine(check.Intact
                        ? $"intact: {check.Entries} entries, head {check.HeadSeq} {check.HeadHash}"
                        : $"BROKEN at entry {check.FirstBroken}: {check.Problem}");
                    return check.Intact ? 0 : 1;
                }

                var query = new AuditQuery(r.GetValue(actor), r.GetValue(action), null, null, null, 0, Math.Clamp(r.GetValue(limit), 1, 1000));
                var entries = r.GetValue(file) is { } logFile
                    ? (await new SqliteAuditLog(logFile, TimeProvider.System).ListAsync(query, ct)).Items
                    : (await GetAsync<Page>(r.GetValue(api)!, ApiCredentials.Resolve(r.GetValue(tokenFile)),
                        $"api/v1/audit-log?limit={query.Limit}{Param("actor", query.Actor)}{Param("action", query.Action)}", ct)).Items;
                foreach (var e in entries)
                {
                    var x = e.Record;
                    Console.WriteLine($"{e.Seq}\t{e.Time:yyyy-MM-dd HH:mm:ss}Z\t{x.Actor} ({x.ActorKind})\t{x.Action}\t{x.Target}\t{x.Outcome}\tfrom {x.From}{(x.Details is null ? string.Empty : "\t" + x.Details)}");
                }

                return 0;
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or InvalidOperationException or JsonException or Microsoft.Data.Sqlite.SqliteException)
            {
                Console.Error.WriteLine($"gz audit-log: {ex.Message}");
                return 2;
            }
        });
        return command;
    }

    private static string Param(string name, string? value) => value is null ? string.Empty : $"&{name}={Uri.EscapeDataString(value)}";

    private static async Task<T> GetAsync<T>(string api, string? token, string path, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = new Uri(api), Timeout = TimeSpan.FromSeconds(60) }.Authorize(token);
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{api} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}{ApiCredentials.Hint((int)response.StatusCode, token)}");
        }

        return (await response.Content.ReadFromJsonAsync<T>(Json, ct))!;
    }

    private sealed record Page(long Total, IReadOnlyList<AuditEntry> Items);
}
