using System.CommandLine;
using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using GzAiEdge.Contracts.Api;
using GzAiEdge.Contracts.Commands;
using GzAiEdge.Contracts.Topics;

namespace GzAiEdge.Cli.Commands;

/// <summary>
/// <c>gz command</c>: sends a device a command through the cloud API and prints its id; with <c>--wait</c> it follows
/// the device's answers (events carrying the id) until the final one. Exit code 0 when the command succeeded (or was
/// sent, without --wait), 1 when the device rejected it, failed or rolled it back, 2 when it could not be sent or no
/// answer came in time.
/// </summary>
internal static class SendCommand
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    public static Command Create()
    {
        var api = new Option<string>("--api") { Description = "The cloud API, e.g. http://127.0.0.1:5080", Required = true, Recursive = true };
        var site = new Option<string>("--site") { Description = "Site id", Required = true, Recursive = true };
        var device = new Option<string>("--device") { Description = "Device id", Required = true, Recursive = true };
        var expires = new Option<int>("--expires") { Description = "Seconds the command stays valid", DefaultValueFactory = _ => CommandTypes.DefaultExpirySeconds, Recursive = true };
        var wait = new Option<bool>("--wait") { Description = "Follow the device's answers until the final one", Recursive = true };
        var timeout = new Option<int>("--timeout") { Description = "Seconds --wait waits for the final answer", DefaultValueFactory = _ => 600, Recursive = true };
        var tokenFile = ApiCredentials.TokenFile();
        var caFile = new Option<string?>("--ca-file") { Description = "PEM CA an https --api must chain to (gz provision's ca.crt); the system's trust otherwise", Recursive = true };
        api.Validators.Add(r =>
        {
            if (!Uri.TryCreate(r.GetValueOrDefault<string>(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                r.AddError($"--api '{r.GetValueOrDefault<string>()}' is not an http(s) address, e.g. http://127.0.0.1:5080");
            }
        });
        foreach (var id in new[] { site, device })
        {
            id.Validators.Add(r =>
            {
                if (Identifiers.Check(r.GetValueOrDefault<string>()) is { } why)
                {
                    r.AddError($"{r.Option.Name}: {why}");
                }
            });
        }

        var values = new Argument<string[]>("values") { Description = "key=value pairs, e.g. Pipeline:DecisionThreshold=0.6", Arity = ArgumentArity.OneOrMore };
        values.Validators.Add(r =>
        {
            // Configuration keys are case-insensitive: A=1 a=2 would set one key twice.
            var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in r.GetValueOrDefault<string[]>() ?? [])
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                if (equals < 1)
                {
                    r.AddError($"'{pair}' is not key=value");
                }
                else if (!keys.Add(pair[..equals]))
                {
                    r.AddError($"'{pair[..equals]}' is given more than once");
                }
            }
        });
        var name = new Option<string>("--name") { Description = "Model name in the repository", Required = true };
        var version = new Option<string>("--version") { Description = "Model version in the repository", Required = true };

        var configSet = new Command(CommandTypes.ConfigSet, "Set configuration values (keys the device's commands: configKeys allows)") { values };
        var restart = new Command(CommandTypes.PipelineRestart, "Rebuild the device's pipeline from its configuration");
        var update = new Command(CommandTypes.ModelUpdate, "Install a signed model from the cloud's model repository") { name, version };
        configSet.SetAction((r, token) => RunAsync(r, CommandTypes.ConfigSet,
            r.GetValue(values)!.Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase), token));
        restart.SetAction((r, token) => RunAsync(r, CommandTypes.PipelineRestart, null, token));
        update.SetAction((r, token) => RunAsync(r, CommandTypes.ModelUpdate,
            new Dictionary<string, string> { [CommandTypes.NameArgument] = r.GetValue(name)!, [CommandTypes.VersionArgument] = r.GetValue(version)! }, token));

        return new Command("command", "Send a device a command through the cloud API; --wait follows its answers")
        {
            api, site, device, expires, wait, timeout, caFile, tokenFile, configSet, restart, update,
        };

        async Task<int> RunAsync(System.CommandLine.ParseResult r, string type, Dictionary<string, string>? arguments, CancellationToken cancellation)
        {
            var (s, d) = (r.GetValue(site)!, r.GetValue(device)!);
            try
            {
                var token = ApiCredentials.Resolve(r.GetValue(tokenFile));
                using var http = new HttpClient(Handler(r.GetValue(caFile))) { BaseAddress = new Uri(r.GetValue(api)!), Timeout = TimeSpan.FromSeconds(60) }.Authorize(token);
                using var response = await http.PostAsJsonAsync(new Uri($"api/v1/devices/{s}/{d}/commands", UriKind.Relative),
                    new CommandRequest(type, arguments, r.GetValue(expires)), cancellation);
                if (!response.IsSuccessStatusCode)
                {
                    Console.Error.WriteLine($"gz command: the cloud refused it ({(int)response.StatusCode}): {Problem(await response.Content.ReadAsStringAsync(cancellation))}{ApiCredentials.Hint((int)response.StatusCode, token)}");
                    return 2;
                }

                var sent = (await response.Content.ReadFromJsonAsync<CommandSent>(cancellation))!;
                Console.WriteLine(sent.Id);
                return r.GetValue(wait) ? await FollowAsync(http, s, d, sent.Id, TimeSpan.FromSeconds(r.GetValue(timeout)), cancellation) : 0;
            }
            catch (Exception ex) when (ex is HttpRequestException or JsonException or CryptographicException or IOException || (ex is TaskCanceledException && !cancellation.IsCancellationRequested))
            {
                Console.Error.WriteLine($"gz command: {ex.Message}");
                return 2;
            }
        }
    }

    internal static SocketsHttpHandler Handler(string? caFile)
    {
        var handler = new SocketsHttpHandler();
        if (caFile is not null)
        {
            var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
            policy.CustomTrustStore.ImportFromPemFile(caFile);
            handler.SslOptions.CertificateChainPolicy = policy;
        }

        return handler;
    }

    private static async Task<int> FollowAsync(HttpClient http, string site, string device, string id, TimeSpan timeout, CancellationToken token)
    {
        var shown = 0;
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            var events = (await http.GetFromJsonAsync<List<DeviceEventView>>(new Uri($"api/v1/devices/{site}/{device}/events?command={id}&limit=50", UriKind.Relative), token))!;
            events.Reverse();
            foreach (var e in events.Skip(shown))
            {
                Console.WriteLine($"{e.Time.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)} {e.Code}: {e.Message}");
            }

            shown = Math.Max(shown, events.Count);
            if (events.FirstOrDefault(e => CommandEvents.IsFinal(e.Code)) is { } final)
            {
                return final.Code == CommandEvents.Succeeded ? 0 : 1;
            }

            await Task.Delay(Poll, token);
        }

        Console.Error.WriteLine($"gz command: no final answer from {site}/{device} within {timeout.TotalSeconds} s (the device may be offline; the command waits for it until it expires)");
        return 2;
    }

    // The problem details' detail and each validation error, on one line.
    internal static string Problem(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var detail = root.TryGetProperty("detail", out var d) ? d.GetString() : root.TryGetProperty("title", out var t) ? t.GetString() : body;
            var errors = root.TryGetProperty("errors", out var e) ? e.EnumerateObject().SelectMany(p => p.Value.EnumerateArray().Select(v => v.GetString())) : [];
            return string.Join("; ", new[] { detail }.Concat(errors).Where(x => !string.IsNullOrEmpty(x)));
        }
        catch (JsonException)
        {
            return body;
        }
    }
}
