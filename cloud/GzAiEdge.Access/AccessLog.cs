namespace GzAiEdge.Access;

/// <summary>Log messages of sign-in, tokens and accounts (event ids 8000–8099). Never a password or a token.</summary>
internal static partial class AccessLog
{
    [LoggerMessage(8000, LogLevel.Error, "Device tokens cannot be read: {Reason}")]
    public static partial void DeviceTokensUnreadable(ILogger logger, string reason);

    [LoggerMessage(8001, LogLevel.Warning, "Sign-in failed for {User} from {From}")]
    public static partial void SignInFailed(ILogger logger, string user, string from);

    [LoggerMessage(8002, LogLevel.Warning, "OpenID Connect sign-in refused for {User}: {Reason}")]
    public static partial void OidcRefused(ILogger logger, string user, string reason);

    [LoggerMessage(8003, LogLevel.Information, "Access store {Path}: {Users} accounts; OpenID Connect {Oidc}")]
    public static partial void Ready(ILogger logger, string path, int users, string oidc);

    [LoggerMessage(8004, LogLevel.Warning, "No account can sign in yet: make one with ./gz user add --store {Path} --role admin NAME")]
    public static partial void NoAccounts(ILogger logger, string path);
}
