using System.Security.Claims;
using GzAiEdge.Access.Store;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GzAiEdge.Access.Tokens;

/// <summary>A token as its owner (or an admin) sees it: never the secret, which only <see cref="TokenService.CreateAsync"/> returns.</summary>
public sealed record TokenView(string Id, string Owner, string Name, DateTimeOffset Created, DateTimeOffset Expires, DateTimeOffset? Revoked);

/// <summary>Personal API tokens: made, listed, revoked, and checked on every request that carries one.</summary>
public sealed class TokenService(AccessDbContext db, UserManager<GzUser> users, IUserClaimsPrincipalFactory<GzUser> principals, TimeProvider time)
{
    /// <summary>Makes a token for <paramref name="owner"/>; the returned secret is shown once and never stored.</summary>
    public async Task<(TokenView Token, string Secret)> CreateAsync(GzUser owner, string name, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var secret = TokenFormat.New(TokenFormat.PersonalPrefix);
        var now = time.GetUtcNow();
        var token = new ApiToken { Id = TokenFormat.NewId(), UserId = owner.Id, Name = name, Hash = TokenFormat.Hash(secret), Created = now, Expires = now + lifetime };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return (View(token, owner.UserName!), secret);
    }

    /// <summary>The tokens of one owner, or of everybody (<paramref name="ownerId"/> null), newest first.</summary>
    public async Task<IReadOnlyList<TokenView>> ListAsync(string? ownerId, CancellationToken cancellationToken)
    {
        var tokens = await db.ApiTokens.Where(t => ownerId == null || t.UserId == ownerId).ToListAsync(cancellationToken);
        var ids = tokens.Select(t => t.UserId).Distinct().ToList();
        var names = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName ?? u.Id, cancellationToken);
        return [.. tokens.OrderByDescending(t => t.Created).Select(t => View(t, names.GetValueOrDefault(t.UserId, t.UserId)))];
    }

    /// <summary>The token with this id (with its owner's id), or null.</summary>
    public Task<ApiToken?> FindAsync(string id, CancellationToken cancellationToken) =>
        db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);

    /// <summary>Revokes a token: it fails from the next request on. Revoking twice keeps the first time.</summary>
    public async Task RevokeAsync(ApiToken token, CancellationToken cancellationToken)
    {
        token.Revoked ??= time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The principal a token stands for, with its owner's current roles; or why it stands for none.</summary>
    public async Task<(ClaimsPrincipal? Principal, string? Failure)> AuthenticateAsync(string token, CancellationToken cancellationToken)
    {
        if (!TokenFormat.IsWellFormed(token, TokenFormat.PersonalPrefix))
        {
            return (null, "the bearer token is not a GzAiEdge token (garbled or cut short)");
        }

        var hash = TokenFormat.Hash(token);
        var stored = await db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Hash == hash, cancellationToken);
        var now = time.GetUtcNow();
        var failure = stored switch
        {
            null => "the bearer token is not known",
            { Revoked: { } revoked } => $"the bearer token was revoked at {revoked:u}",
            { Expires: var expires } when expires <= now => $"the bearer token expired at {expires:u}",
            _ => null,
        };
        if (failure is not null)
        {
            return (null, failure);
        }

        var owner = await users.FindByIdAsync(stored!.UserId);
        if (owner is null || await users.IsLockedOutAsync(owner))
        {
            return (null, "the bearer token's account is disabled or locked");
        }

        var principal = await principals.CreateAsync(owner);
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.AddClaim(new Claim(AccessClaims.Method, AuthMethods.Token));
        identity.AddClaim(new Claim(AccessClaims.TokenId, stored.Id));
        return (principal, null);
    }

    private static TokenView View(ApiToken t, string owner) => new(t.Id, owner, t.Name, t.Created, t.Expires, t.Revoked);
}
