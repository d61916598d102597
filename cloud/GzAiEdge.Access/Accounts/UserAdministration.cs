using System.Security.Claims;
using GzAiEdge.Access.Store;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GzAiEdge.Access.Accounts;

/// <summary>
/// Accounts through ASP.NET Core Identity (its password hasher, lockout and security stamp): add, change roles,
/// disable, enable, reset a password, list. <c>gz user</c> and the admin API both use this, so they cannot disagree.
/// Any change that narrows what an account may do renews its security stamp, which ends its sessions.
/// </summary>
public sealed class UserAdministration(UserManager<GzUser> users, RoleManager<IdentityRole> roles, TimeProvider time)
{
    public async Task<AccountResult> AddAsync(AccountSpec spec, string password)
    {
        if (spec.Check() is { Count: > 0 } invalid)
        {
            return new AccountResult(invalid);
        }

        if (await users.FindByNameAsync(spec.Name) is not null)
        {
            return AccountResult.Fail($"an account named '{spec.Name}' exists already");
        }

        var user = new GzUser { UserName = spec.Name, Created = time.GetUtcNow(), LockoutEnabled = true };
        var created = await users.CreateAsync(user, password);
        return created.Succeeded ? await ApplyAsync(user, spec) : Errors(created);
    }

    /// <summary>Replaces the account's roles and scope.</summary>
    public async Task<AccountResult> SetRolesAsync(AccountSpec spec)
    {
        if (spec.Check() is { Count: > 0 } invalid)
        {
            return new AccountResult(invalid);
        }

        return await users.FindByNameAsync(spec.Name) is { } user ? await ApplyAsync(user, spec) : Missing(spec.Name);
    }

    /// <summary>A disabled account cannot sign in, and its sessions and tokens stop working.</summary>
    public async Task<AccountResult> SetDisabledAsync(string name, bool disabled)
    {
        if (await users.FindByNameAsync(name) is not { } user)
        {
            return Missing(name);
        }

        await users.SetLockoutEnabledAsync(user, true);
        var result = await users.SetLockoutEndDateAsync(user, disabled ? DateTimeOffset.MaxValue : null);
        if (result.Succeeded && !disabled)
        {
            await users.ResetAccessFailedCountAsync(user);
        }

        return result.Succeeded ? await StampAsync(user) : Errors(result);
    }

    /// <summary>Sets a new password (an admin's reset: the old one is not needed) and ends the account's sessions.</summary>
    public async Task<AccountResult> ResetPasswordAsync(string name, string password)
    {
        if (await users.FindByNameAsync(name) is not { } user)
        {
            return Missing(name);
        }

        foreach (var validator in users.PasswordValidators)
        {
            if (await validator.ValidateAsync(users, user, password) is { Succeeded: false } weak)
            {
                return Errors(weak);
            }
        }

        if (await users.HasPasswordAsync(user))
        {
            await users.RemovePasswordAsync(user);
        }

        var result = await users.AddPasswordAsync(user, password);
        return result.Succeeded ? await StampAsync(user) : Errors(result);
    }

    public async Task<IReadOnlyList<AccountView>> ListAsync()
    {
        var views = new List<AccountView>();
        foreach (var user in await users.Users.OrderBy(u => u.UserName).ToListAsync())
        {
            views.Add(await ViewAsync(user));
        }

        return views;
    }

    public async Task<AccountView?> FindAsync(string name) => await users.FindByNameAsync(name) is { } user ? await ViewAsync(user) : null;

    public async Task<AccountView> ViewAsync(GzUser user)
    {
        var claims = await users.GetClaimsAsync(user);
        var end = await users.GetLockoutEndDateAsync(user);
        return new AccountView(user.UserName!, [.. await users.GetRolesAsync(user)],
            claims.FirstOrDefault(c => c.Type == AccessClaims.Provider)?.Value,
            [.. claims.Where(c => c.Type == AccessClaims.Site).Select(c => c.Value)],
            end == DateTimeOffset.MaxValue, end is { } until && until != DateTimeOffset.MaxValue && until > time.GetUtcNow() ? until : null,
            await users.GetAccessFailedCountAsync(user), (await users.GetLoginsAsync(user)).Count > 0, user.Created);
    }

    /// <summary>Makes the account's roles and scope claims exactly those of <paramref name="spec"/>.</summary>
    internal async Task<AccountResult> ApplyAsync(GzUser user, AccountSpec spec)
    {
        foreach (var role in spec.Roles)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var current = await users.GetRolesAsync(user);
        var claims = (await users.GetClaimsAsync(user)).Where(c => c.Type is AccessClaims.Provider or AccessClaims.Site).ToList();
        var wanted = spec.Sites.Select(s => new Claim(AccessClaims.Site, s)).Concat(spec.Provider is { } p ? [new Claim(AccessClaims.Provider, p)] : []).ToList();
        var same = current.Order().SequenceEqual(spec.Roles.Distinct().Order())
            && claims.Select(c => (c.Type, c.Value)).Order().SequenceEqual(wanted.Select(c => (c.Type, c.Value)).Order());
        if (same)
        {
            // Nothing changed (an OpenID Connect sign-in with the same claims): the account's other sessions go on.
            return AccountResult.Ok;
        }

        var changes = new[]
        {
            await users.RemoveFromRolesAsync(user, current.Except(spec.Roles)),
            await users.AddToRolesAsync(user, spec.Roles.Distinct().Except(current)),
            await users.RemoveClaimsAsync(user, claims),
            await users.AddClaimsAsync(user, wanted),
        };
        return changes.FirstOrDefault(r => !r.Succeeded) is { } failed ? Errors(failed) : await StampAsync(user);
    }

    private async Task<AccountResult> StampAsync(GzUser user) => await users.UpdateSecurityStampAsync(user) is { Succeeded: false } r ? Errors(r) : AccountResult.Ok;

    private static AccountResult Missing(string name) => AccountResult.Fail($"there is no account named '{name}'");

    private static AccountResult Errors(IdentityResult result) => new([.. result.Errors.Select(e => e.Description)]);
}
