using GzAiEdge.Access.Accounts;
using GzAiEdge.Access.Authorization;
using GzAiEdge.AuditLog;
using GzAiEdge.Scenarios.Catalogue;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GzAiEdge.Access.Api;

/// <summary>Accounts, for admins: the API twin of <c>gz user</c> (both go through <see cref="UserAdministration"/>).</summary>
public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/users").WithTags("Users").RequireAuthorization(Policies.Admin);
        group.MapGet("/", async (UserAdministration accounts) => TypedResults.Ok(await accounts.ListAsync()));
        group.MapPost("/", AddAsync);
        group.MapPut("/{name}/roles", SetRolesAsync);
        group.MapPost("/{name}/disable", (HttpContext http, UserAdministration accounts, string name) => DisableAsync(http, accounts, name, true));
        group.MapPost("/{name}/enable", (HttpContext http, UserAdministration accounts, string name) => DisableAsync(http, accounts, name, false));
        group.MapPost("/{name}/password", ResetPasswordAsync);
        return app;
    }

    public static async Task<Results<Created<AccountView>, ValidationProblem>> AddAsync(
        HttpContext http, UserAdministration accounts, ScenarioCatalogue catalogue, UserRequest request)
    {
        var spec = new AccountSpec(request.Name ?? string.Empty, request.Roles ?? [], request.Provider, request.Sites ?? []);
        var result = UnknownProvider(catalogue, spec) ?? await accounts.AddAsync(spec, request.Password ?? string.Empty);
        await http.AuditAsync("user.add", spec.Name, Outcome(result), $"roles {string.Join(",", spec.Roles)}");
        return result.Succeeded ? TypedResults.Created($"/api/v1/users/{spec.Name}", (await accounts.FindAsync(spec.Name))!) : Invalid(result);
    }

    public static async Task<Results<Ok<AccountView>, ValidationProblem>> SetRolesAsync(
        HttpContext http, UserAdministration accounts, ScenarioCatalogue catalogue, string name, RolesRequest request)
    {
        var spec = new AccountSpec(name, request.Roles ?? [], request.Provider, request.Sites ?? []);
        var result = UnknownProvider(catalogue, spec) ?? await accounts.SetRolesAsync(spec);
        await http.AuditAsync("user.roles", name, Outcome(result), $"roles {string.Join(",", spec.Roles)}");
        return result.Succeeded ? TypedResults.Ok((await accounts.FindAsync(name))!) : Invalid(result);
    }

    public static async Task<Results<Ok<AccountView>, ValidationProblem>> ResetPasswordAsync(
        HttpContext http, UserAdministration accounts, string name, PasswordRequest request)
    {
        var result = await accounts.ResetPasswordAsync(name, request.Password ?? string.Empty);
        await http.AuditAsync("user.password", name, Outcome(result));
        return result.Succeeded ? TypedResults.Ok((await accounts.FindAsync(name))!) : Invalid(result);
    }

    private static async Task<Results<Ok<AccountView>, ValidationProblem>> DisableAsync(HttpContext http, UserAdministration accounts, string name, bool disabled)
    {
        var result = await accounts.SetDisabledAsync(name, disabled);
        await http.AuditAsync(disabled ? "user.disable" : "user.enable", name, Outcome(result));
        return result.Succeeded ? TypedResults.Ok((await accounts.FindAsync(name))!) : Invalid(result);
    }

    // A provider account for a name no scenario carries would see nothing; that is a typo, not an intent.
    private static AccountResult? UnknownProvider(ScenarioCatalogue catalogue, AccountSpec spec) =>
        spec.Provider is { } p && !catalogue.All.Any(s => s.Provider == p)
            ? AccountResult.Fail($"provider '{p}' is not the provider of any scenario in the catalogue")
            : null;

    private static string Outcome(AccountResult result) => result.Succeeded ? AuditOutcomes.Done : AuditOutcomes.Refused;

    private static ValidationProblem Invalid(AccountResult result) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["account"] = [.. result.Errors] });
}
