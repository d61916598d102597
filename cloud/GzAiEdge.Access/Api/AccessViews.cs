namespace GzAiEdge.Access.Api;

/// <summary>Who the caller is, as the dashboard shows it and decides its menu from.</summary>
/// <param name="Method">How they signed in: <c>password</c>, <c>oidc</c>, <c>token</c> or <c>device-token</c>.</param>
public sealed record MeView(string Name, IReadOnlyList<string> Roles, string? Provider, IReadOnlyList<string> Sites, string Method);

/// <summary>The sign-in page's first call: whether a session is open, the anti-forgery token for state-changing requests, and single sign-on.</summary>
/// <param name="Csrf">Send it as the <c>X-CSRF-TOKEN</c> header with every POST, PUT or DELETE of this session (and with the sign-in itself).</param>
/// <param name="Oidc">The single sign-on button's text; null when none is configured.</param>
public sealed record SessionView(bool SignedIn, MeView? Me, string Csrf, string? Oidc);

public sealed record SignInRequest(string? UserName, string? Password);

/// <param name="Days">How long the token lives (default 90, at most Access:TokenMaxDays).</param>
public sealed record TokenRequest(string? Name, int? Days);

/// <summary>A new token: <see cref="Secret"/> is shown this once and kept nowhere.</summary>
public sealed record TokenCreated(Tokens.TokenView Token, string Secret);

/// <summary>An account to make (admin), with its first password.</summary>
public sealed record UserRequest(string? Name, IReadOnlyList<string>? Roles, string? Provider, IReadOnlyList<string>? Sites, string? Password);

/// <summary>An account's new roles and scope.</summary>
public sealed record RolesRequest(IReadOnlyList<string>? Roles, string? Provider, IReadOnlyList<string>? Sites);

public sealed record PasswordRequest(string? Password);
