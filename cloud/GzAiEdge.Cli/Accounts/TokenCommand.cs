using System.CommandLine;
using GzAiEdge.Access.Store;
using GzAiEdge.Access.Tokens;
using GzAiEdge.AuditLog;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace GzAiEdge.Cli.Accounts;

/// <summary>
/// <c>gz token create | list | revoke</c> on the server's accounts store, for scripts and the demo's own clients
/// (people make theirs on the dashboard). <c>create</c> writes the token to <c>--out</c> (mode 0600), never to the screen
/// unless asked, so that it does not end up in a terminal's scrollback.
/// </summary>
internal static class TokenCommand
{
    public static Command Create()
    {
        var store = new LocalStore();
        var user = new Option<string>("--user") { Description = "The account the token acts for (with its roles)", Required = true };
        var name = new Option<string>("--name") { Description = "What the token is for", DefaultValueFactory = _ => "cli" };
        var days = new Option<int>("--days") { Description = "How long it lives", DefaultValueFactory = _ => 30 };
        var output = new Option<string?>("--out") { Description = "Write the token to this file (0600); without it the token is printed" };
        var create = new Command("create", "Make a personal API token for an account") { user, name, days, output };
        create.SetAction((r, ct) => store.RunAsync(r, "token create", async (services, log) =>
        {
            var owner = await services.GetRequiredService<UserManager<GzUser>>().FindByNameAsync(r.GetValue(user)!);
            if (owner is null || r.GetValue(days) is < 1 or > 3650)
            {
                Console.Error.WriteLine(owner is null ? $"gz token create: there is no account named '{r.GetValue(user)}'" : "gz token create: --days must be within 1..3650");
                return 1;
            }

            var (token, secret) = await services.GetRequiredService<TokenService>().CreateAsync(owner, r.GetValue(name)!, TimeSpan.FromDays(r.GetValue(days)), ct);
            await LocalStore.RecordAsync(log, "token.create", token.Id, AuditOutcomes.Done, $"for {owner.UserName}, '{token.Name}', expires {token.Expires:u}");
            if (r.GetValue(output) is { } file)
            {
                Provisioning.Pki.Secret(file, secret + "\n");
                Console.WriteLine($"token {token.Id} for {owner.UserName} (expires {token.Expires:u}) written to {Path.GetFullPath(file)}");
            }
            else
            {
                Console.WriteLine(secret);
            }

            return 0;
        }));

        var list = new Command("list", "List every token (never the secrets)");
        list.SetAction((r, ct) => store.RunAsync(r, "token list", async (services, _) =>
        {
            foreach (var t in await services.GetRequiredService<TokenService>().ListAsync(null, ct))
            {
                Console.WriteLine($"{t.Id}\t{t.Owner}\t{t.Name}\texpires {t.Expires:u}{(t.Revoked is { } at ? $"\trevoked {at:u}" : string.Empty)}");
            }

            return 0;
        }));

        var id = new Argument<string>("id") { Description = "The token's id (gz token list)" };
        var revoke = new Command("revoke", "Revoke a token: it fails from the next request on") { id };
        revoke.SetAction((r, ct) => store.RunAsync(r, "token revoke", async (services, log) =>
        {
            var tokens = services.GetRequiredService<TokenService>();
            if (await tokens.FindAsync(r.GetValue(id)!, ct) is not { } token)
            {
                Console.Error.WriteLine($"gz token revoke: there is no token {r.GetValue(id)}");
                return 1;
            }

            await tokens.RevokeAsync(token, ct);
            await LocalStore.RecordAsync(log, "token.revoke", token.Id, AuditOutcomes.Done);
            Console.WriteLine($"revoked {token.Id}");
            return 0;
        }));

        var command = new Command("token", "Personal API tokens in the cloud's accounts store (on the server)") { create, list, revoke };
        store.AddTo(command);
        return command;
    }
}
