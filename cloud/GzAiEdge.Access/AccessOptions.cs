namespace GzAiEdge.Access;

/// <summary>Accounts, sessions, tokens and sign-in (configuration section <c>Access</c>).</summary>
// Setters, not init: the configuration binding source generator silently skips init-only properties.
public sealed record AccessOptions
{
    public const string Section = "Access";

    /// <summary>The SQLite file of accounts, roles and personal tokens (<c>gz user</c> and <c>gz token</c> use it too).</summary>
    public string StorePath { get; set; } = "access.db";

    /// <summary>The devices' API tokens, hashed (<c>gz provision</c> writes <c>cloud/device-tokens.json</c>); unset: no device may call the API.</summary>
    public string? DeviceTokensPath { get; set; }

    /// <summary>Wrong passwords in a row that lock an account for <see cref="LockoutMinutes"/>.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;

    /// <summary>A dashboard session ends after this long without a request.</summary>
    public int SessionHours { get; set; } = 8;

    /// <summary>The longest a personal token may live.</summary>
    public int TokenMaxDays { get; set; } = 365;

    /// <summary>Sign-in attempts one client address may make per minute (the rate limiter's window).</summary>
    public int SignInsPerMinute { get; set; } = 10;

    /// <summary>A city's single sign-on; unset <see cref="OidcOptions.Authority"/> leaves it off.</summary>
    public OidcOptions Oidc { get; set; } = new();
}

/// <summary>OpenID Connect sign-in, and how the provider's claims become GzAiEdge roles and scopes.</summary>
public sealed record OidcOptions
{
    /// <summary>The issuer, e.g. https://sso.example.gov.cn/realms/city; its discovery document is read from there.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>The client's secret (give it from the environment, never on a command line).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Scopes asked for besides <c>openid</c>; <see cref="DefaultScopes"/> when not given (null, so that a configured list replaces the default instead of being appended to it).</summary>
    public List<string>? Scopes { get; set; }

    /// <summary>The scopes asked for when <see cref="Scopes"/> is not configured.</summary>
    public static IReadOnlyList<string> DefaultScopes { get; } = ["profile"];

    /// <summary>False only for a provider on loopback in a test: the discovery document is then read over http.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The sign-in button's text.</summary>
    public string DisplayName { get; set; } = "SSO";

    /// <summary>The claim that becomes the account name.</summary>
    public string NameClaim { get; set; } = "preferred_username";

    /// <summary>Which claim values give which role; a person whose claims give no role cannot sign in.</summary>
    public List<OidcRoleMapping> Roles { get; set; } = [];

    /// <summary>The claim holding a provider's name (as the catalogue writes it); needed for the provider role.</summary>
    public string? ProviderClaim { get; set; }

    /// <summary>The claim listing a site operator's sites; needed for the site-operator role.</summary>
    public string? SitesClaim { get; set; }
}

/// <summary>A person whose <see cref="Claim"/> holds <see cref="Value"/> gets <see cref="Role"/>.</summary>
public sealed record OidcRoleMapping
{
    public string Claim { get; set; } = "groups";

    public string Value { get; set; } = string.Empty;

    public string Role { get; set; } = string.Empty;
}
