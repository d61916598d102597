using System.CommandLine;
using System.Security.Cryptography;
using GzAiEdge.Access.Accounts;
using GzAiEdge.AuditLog;
using Microsoft.Extensions.DependencyInjection;

namespace GzAiEdge.Cli.Accounts;

/// <summary>
/// <c>gz user add | role | disable | enable | reset-password | list</c>: the cloud's built-in accounts, through the same
/// Identity rules as the cloud. A new password is read from <c>--password-file</c>, or made (24 random characters) and
/// printed once. Exit code 0 when done, 1 when refused (the reasons are printed), 2 when the store cannot be opened.
/// </summary>
internal static class UserCommand
{
    public static Command Create()
    {
        var store = new LocalStore();
        var name = new Argument<string>("name") { Description = "The account's name" };
        var roles = new Option<string[]>("--role") { Description = "admin, evaluator, site-operator, provider or viewer (repeatable)", AllowMultipleArgumentsPerToken = true };
        var provider = new Option<string?>("--provider") { Description = "For the provider role: the provider's name exactly as the catalogue's provider field writes it" };
        var sites = new Option<string[]>("--site") { Description = "For the site-operator role: a site they run (repeatable)", AllowMultipleArgumentsPerToken = true };
        var passwordFile = new Option<string?>("--password-file") { Description = "Read the password from this file's first line (default: make one and print it once)" };
        var providerOf = new ProviderOf();
        Command Spec(string verb, string about)
        {
            var command = new Command(verb, about) { name, roles, provider, sites };
            providerOf.AddTo(command);
            return command;
        }


        var add = Spec("add", "Make an account");
        add.Options.Add(passwordFile);
        add.SetAction((r, _) => store.RunAsync(r, "user add", async (services, log) =>
        {
            var spec = new AccountSpec(r.GetValue(name)!, r.GetValue(roles) ?? [], providerOf.Resolve(r, r.GetValue(provider)), r.GetValue(sites) ?? []);
            var (password, made) = Password(r.GetValue(passwordFile));
            var result = await services.GetRequiredService<UserAdministration>().AddAsync(spec, password);
            return await ReportAsync(log, "user.add", spec.Name, result, $"roles {string.Join(",", spec.Roles)}",
                made ? $"added {spec.Name}; password (shown once): {password}" : $"added {spec.Name}");
        }));

        var role = Spec("role", "Replace an account's roles and scope");
        role.SetAction((r, _) => store.RunAsync(r, "user role", async (services, log) =>
        {
            var spec = new AccountSpec(r.GetValue(name)!, r.GetValue(roles) ?? [], providerOf.Resolve(r, r.GetValue(provider)), r.GetValue(sites) ?? []);
            var result = await services.GetRequiredService<UserAdministration>().SetRolesAsync(spec);
            return await ReportAsync(log, "user.roles", spec.Name, result, $"roles {string.Join(",", spec.Roles)}", $"{spec.Name}: {string.Join(", ", spec.Roles)}");
        }));

        Command Toggle(string verb, bool disabled)
        {
            var command = new Command(verb, disabled ? "Disable an account: it cannot sign in, and its sessions and tokens stop" : "Enable a disabled or locked account") { name };
            command.SetAction((r, _) => store.RunAsync(r, $"user {verb}", async (services, log) =>
                await ReportAsync(log, $"user.{verb}", r.GetValue(name)!, await services.GetRequiredService<UserAdministration>().SetDisabledAsync(r.GetValue(name)!, disabled),
                    null, $"{r.GetValue(name)}: {verb}d")));
            return command;
        }

        var reset = new Command("reset-password", "Give an account a new password (its sessions end)") { name, passwordFile };
        reset.SetAction((r, _) => store.RunAsync(r, "user reset-password", async (services, log) =>
        {
            var (password, made) = Password(r.GetValue(passwordFile));
            var result = await services.GetRequiredService<UserAdministration>().ResetPasswordAsync(r.GetValue(name)!, password);
            return await ReportAsync(log, "user.password", r.GetValue(name)!, result, null,
                made ? $"{r.GetValue(name)}: new password (shown once): {password}" : $"{r.GetValue(name)}: password set");
        }));

        var list = new Command("list", "List the accounts");
        list.SetAction((r, _) => store.RunAsync(r, "user list", async (services, _) =>
        {
            foreach (var a in await services.GetRequiredService<UserAdministration>().ListAsync())
            {
                var state = a.Disabled ? "disabled" : a.LockedUntil is { } until ? $"locked until {until:u}" : "active";
                Console.WriteLine($"{a.Name}\t{string.Join(",", a.Roles)}\t{a.Provider ?? "-"}\t{(a.Sites.Count > 0 ? string.Join(",", a.Sites) : "-")}\t{state}{(a.External ? "\tsingle sign-on" : string.Empty)}");
            }

            return 0;
        }));

        var user = new Command("user", "The cloud's built-in accounts (on the server: --store is its Access:StorePath)")
        {
            add, role, Toggle("disable", true), Toggle("enable", false), reset, list,
        };
        store.AddTo(user);
        return user;
    }

    private static (string Password, bool Made) Password(string? file) =>
        file is null
            ? (Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_'), true)
            : (File.ReadLines(file).FirstOrDefault() ?? string.Empty, false);

    private static async Task<int> ReportAsync(SqliteAuditLog log, string action, string target, AccountResult result, string? details, string done)
    {
        await LocalStore.RecordAsync(log, action, target, result.Succeeded ? AuditOutcomes.Done : AuditOutcomes.Refused, details);
        if (!result.Succeeded)
        {
            Console.Error.WriteLine($"gz user: {target}: {string.Join("; ", result.Errors)}");
            return 1;
        }

        Console.WriteLine(done);
        return 0;
    }
}
