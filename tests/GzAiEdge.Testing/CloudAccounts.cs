using System.Net.Http.Headers;
using GzAiEdge.Access.Accounts;
using GzAiEdge.Access.Authorization;
using GzAiEdge.Access.Store;
using GzAiEdge.Access.Tokens;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace GzAiEdge.Testing;

/// <summary>
/// The identities tests call the cloud's API as: accounts made in the cloud's own accounts store (the SQLite file of
/// <c>Access:StorePath</c>) through the same Identity code the cloud and <c>gz user</c> use, each with a personal token.
/// A cloud started by <see cref="GzProcesses"/> gets an admin whose token <see cref="AdminToken"/> reads.
/// </summary>
public static class CloudAccounts
{
    public const string Admin = "test-admin";

    /// <summary>A password that passes the cloud's rules.</summary>
    public const string Password = "correct horse battery staple";

    /// <summary>The accounts store of a cloud whose working folder is <paramref name="folder"/>.</summary>
    public static string Store(TempFolder folder) => folder.File("access.db");

    /// <summary>The audit log of a cloud whose working folder is <paramref name="folder"/>.</summary>
    public static string AuditLog(TempFolder folder) => folder.File("audit-log.db");

    /// <summary>The admin's token for the cloud of <paramref name="folder"/>, made the first time it is asked for.</summary>
    public static string AdminToken(TempFolder folder)
    {
        var file = folder.File("admin.token");
        if (!File.Exists(file))
        {
            File.WriteAllText(file, Add(folder, new AccountSpec(Admin, [Roles.Admin], null, [])));
        }

        return File.ReadAllText(file);
    }

    /// <summary>Makes an account (with <see cref="Password"/>) in the folder's store and returns a token of it.</summary>
    public static string Add(TempFolder folder, AccountSpec spec) => Add(Store(folder), AuditLog(folder), spec);

    /// <summary>Makes an account (with <see cref="Password"/>) in a store and returns a token of it.</summary>
    public static string Add(string store, string auditLog, AccountSpec spec)
    {
        using var services = AccessStore.OpenOffline(store, auditLog);
        using var scope = services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var result = accounts.AddAsync(spec, Password).GetAwaiter().GetResult();
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"account {spec.Name}: {string.Join("; ", result.Errors)}");
        }

        var user = scope.ServiceProvider.GetRequiredService<UserManager<GzUser>>().FindByNameAsync(spec.Name).GetAwaiter().GetResult()!;
        var (_, secret) = scope.ServiceProvider.GetRequiredService<TokenService>().CreateAsync(user, "tests", TimeSpan.FromDays(1), CancellationToken.None).GetAwaiter().GetResult();
        return secret;
    }

    /// <summary>An HTTP client of the API that sends <paramref name="token"/> with every request.</summary>
    public static HttpClient Client(Uri api, string token, HttpMessageHandler? handler = null)
    {
        var http = handler is null ? new HttpClient() : new HttpClient(handler);
        http.BaseAddress = api;
        http.Timeout = TimeSpan.FromSeconds(60);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    /// <summary>An admin's client of the cloud whose working folder is <paramref name="folder"/>.</summary>
    public static HttpClient AdminClient(Uri api, TempFolder folder, HttpMessageHandler? handler = null) => Client(api, AdminToken(folder), handler);
}
