using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace GzAiEdge.Access.Store;

/// <summary>Accounts, roles, external logins (OpenID Connect) and personal API tokens, in one SQLite file.</summary>
public sealed class AccessDbContext(DbContextOptions<AccessDbContext> options) : IdentityDbContext<GzUser>(options)
{
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<ApiToken>(token =>
        {
            token.HasKey(t => t.Id);
            token.HasIndex(t => t.Hash).IsUnique();
            token.HasIndex(t => t.UserId);
            token.Property(t => t.Name).HasMaxLength(100);
        });
    }
}
