using GzAiEdge.Access.Accounts;
using GzAiEdge.Access.Tokens;
using GzAiEdge.AuditLog;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Access.Store;

/// <summary>
/// The accounts store and Identity over it, for the cloud host and for the command line (<c>gz user</c>, <c>gz token</c>),
/// which opens the same SQLite file offline: one set of rules (passwords, lockout) for both.
/// </summary>
public static class AccessStore
{
    /// <summary>Identity on the SQLite file of <see cref="AccessOptions.StorePath"/>, with the project's password and lockout rules.</summary>
    public static IdentityBuilder AddAccessStore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddDbContext<AccessDbContext>((sp, o) => o.UseSqlite(ConnectionString(sp.GetRequiredService<IOptions<AccessOptions>>().Value.StorePath)));
        services.AddOptions<IdentityOptions>().Configure<IOptions<AccessOptions>>((identity, access) => Configure(identity, access.Value));
        services.AddScoped<UserAdministration>();
        services.AddScoped<TokenService>();
        return services.AddIdentityCore<GzUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<AccessDbContext>();
    }

    /// <summary>The store (created if new) and the audit log, outside the web host: for the command line and test fixtures.</summary>
    public static ServiceProvider OpenOffline(string storePath, string auditLogPath)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(Options.Create(new AccessOptions { StorePath = storePath }));
        services.AddAccessStore();
        services.AddSingleton(sp => new SqliteAuditLog(auditLogPath, sp.GetRequiredService<TimeProvider>()));
        var provider = services.BuildServiceProvider();
        EnsureCreated(provider);
        return provider;
    }

    /// <summary>Creates the file and its tables when they are not there yet.</summary>
    public static void EnsureCreated(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var path = scope.ServiceProvider.GetRequiredService<IOptions<AccessOptions>>().Value.StorePath;
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        scope.ServiceProvider.GetRequiredService<AccessDbContext>().Database.EnsureCreated();
    }

    // Passwords: length over composition rules (NIST SP 800-63B 5.1.1.2). Names are checked by AccountSpec, so
    // Identity's own character list is off (single sign-on names may be any script).
    private static void Configure(IdentityOptions identity, AccessOptions access)
    {
        identity.Password.RequiredLength = 12;
        identity.Password.RequireDigit = false;
        identity.Password.RequireLowercase = false;
        identity.Password.RequireUppercase = false;
        identity.Password.RequireNonAlphanumeric = false;
        identity.Password.RequiredUniqueChars = 5;
        identity.Lockout.AllowedForNewUsers = true;
        identity.Lockout.MaxFailedAccessAttempts = access.MaxFailedSignIns;
        identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(access.LockoutMinutes);
        identity.User.AllowedUserNameCharacters = string.Empty;
        identity.User.RequireUniqueEmail = false;
    }

    private static string ConnectionString(string path) => new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 30 }.ToString();
}
