using System.CommandLine;
using System.Net.Http.Json;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Verification;
using GzAiEdge.Evaluation.Verification;
using GzAiEdge.TimeSeries;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace GzAiEdge.Cli.Commands;

/// <summary>
/// <c>gz verify</c>: checks a device's report chain over a period, either through the cloud API or,
/// for a third party, straight from InfluxDB with only the public key registry.
/// Exit code 0 when every expected report verified, 1 when something did not, 2 when it could not run.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var site = new Option<string>("--site") { Description = "Site id", Required = true };
        var device = new Option<string>("--device") { Description = "Device id", Required = true };
        var from = new Option<DateTimeOffset?>("--from") { Description = "Period start, UTC (default: the beginning)" };
        var to = new Option<DateTimeOffset?>("--to") { Description = "Period end, UTC, exclusive (default: now + 1 day)" };
        var api = new Option<string?>("--api") { Description = "Ask the cloud API, e.g. http://127.0.0.1:5080" };
        var influx = new Option<string?>("--influx") { Description = "Read InfluxDB directly, e.g. http://127.0.0.1:8086 (needs --keys)" };
        api.Validators.Add(r => CheckAddress(r, "--api"));
        influx.Validators.Add(r => CheckAddress(r, "--influx"));
        var database = new Option<string>("--database") { Description = "InfluxDB database", DefaultValueFactory = _ => "gz" };
        var keys = new Option<string?>("--keys") { Description = "Key registry file (public keys) from gz provision" };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var tokenFile = ApiCredentials.TokenFile();
        var command = new Command("verify", "Verify a device's signed report chain: verified, altered, missing, reordered, replayed, injected, unsigned")
        {
            site, device, from, to, api, influx, database, keys, json, tokenFile,
        };
        command.Validators.Add(r =>
        {
            if ((r.GetValue(api) is null) == (r.GetValue(influx) is null))
            {
                r.AddError("give either --api (ask the cloud) or --influx with --keys (verify independently)");
            }
            else if (r.GetValue(influx) is not null && r.GetValue(keys) is null)
            {
                r.AddError("--influx needs --keys, the key registry file");
            }
        });
        command.SetAction(async (r, token) =>
        {
            try
            {
                var result = r.GetValue(api) is { } apiUri
                    ? await ViaApiAsync(new Uri(apiUri), ApiCredentials.Resolve(r.GetValue(tokenFile)), r.GetValue(site)!, r.GetValue(device)!, r.GetValue(from), r.GetValue(to), token)
                    : await DirectAsync(new Uri(r.GetValue(influx)!), r.GetValue(database)!, r.GetValue(keys)!, r.GetValue(site)!, r.GetValue(device)!,
                        r.GetValue(from) ?? DateTimeOffset.UnixEpoch, r.GetValue(to) ?? DateTimeOffset.UtcNow.AddDays(1), token);
                Print(result, r.GetValue(json));
                return result.Verified == result.Expected && result.Problems.Count == 0 ? 0 : 1;
            }
            catch (Exception ex) when (ex is HttpRequestException or InfluxDbUnavailableException or InvalidDataException
                or IOException or KeyNotFoundException or InvalidOperationException)
            {
                Console.Error.WriteLine($"gz verify: {ex.Message}");
                return 2;
            }
        });
        return command;
    }

    private static void CheckAddress(System.CommandLine.Parsing.OptionResult result, string name)
    {
        var value = result.GetValueOrDefault<string?>();
        if (value is not null && (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            result.AddError($"{name} '{value}' is not an http(s) address, e.g. http://127.0.0.1:8086");
        }
    }

    // Without --from/--to the cloud chooses the period (the longest it allows, up to now).
    private static async Task<ChainVerification> ViaApiAsync(Uri api, string? apiToken, string site, string device, DateTimeOffset? from, DateTimeOffset? to, CancellationToken token)
    {
        using var http = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromSeconds(60) }.Authorize(apiToken);
        var query = string.Join("&", new[] { ("from", from), ("to", to) }.Where(p => p.Item2 is not null).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!.Value.ToString("O"))}"));
        var path = $"/api/v1/verification/{site}/{device}{(query.Length > 0 ? "?" + query : string.Empty)}";
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), token);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{api}{path.TrimStart('/')} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(token)}{ApiCredentials.Hint((int)response.StatusCode, apiToken)}");
        }

        return await response.Content.ReadFromJsonAsync(GzTrustJsonContext.Default.ChainVerification, token)
            ?? throw new InvalidOperationException($"{api} answered with an empty body");
    }

    private static async Task<ChainVerification> DirectAsync(Uri influx, string database, string keys, string site, string device,
        DateTimeOffset from, DateTimeOffset to, CancellationToken token)
    {
        using var http = new HttpClient();
        var client = new InfluxDbClient(http, Options.Create(new InfluxDbOptions { BaseAddress = influx, Database = database }));
        var service = new ChainVerificationService(new ChainReader(client), Options.Create(new VerificationOptions { KeyRegistryPath = keys }));
        return await service.VerifyAsync(site, device, from.ToUniversalTime(), to.ToUniversalTime(), token);
    }

    private static void Print(ChainVerification v, bool json)
    {
        if (json)
        {
            Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(v, GzTrustJsonContext.Default.ChainVerification));
            return;
        }

        var table = new Table().Title($"{v.Site}/{v.Device}: seq {v.FirstSeq}..{v.LastSeq} ({v.Expected} expected), {v.VerifiedShare:P1} verified");
        table.AddColumn("finding").AddColumn(new TableColumn("count").RightAligned());
        foreach (var (name, count) in new[] { ("verified", v.Verified), ("altered", v.Altered), ("missing", v.Missing), ("reordered", v.Reordered),
            ("replayed", v.Replayed), ("injected", v.Injected), ("unsigned", v.Unsigned) })
        {
            table.AddRow(name, count.ToString());
        }

        table.Caption($"checkpoints: {v.CheckpointsVerified} verified, {v.CheckpointsFailed} failed; attested head {v.AttestedHead?.ToString() ?? "none"}");
        AnsiConsole.Write(table);
        foreach (var p in v.Problems)
        {
            AnsiConsole.MarkupLineInterpolated($"  [yellow]{p.Finding.ToString().ToLowerInvariant()}[/] seq {p.FirstSeq}..{p.LastSeq}: {p.Reason}");
        }
    }
}
