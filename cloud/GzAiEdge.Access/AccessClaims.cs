namespace GzAiEdge.Access;

/// <summary>The claims GzAiEdge puts on a caller besides name, id and roles.</summary>
public static class AccessClaims
{
    /// <summary>A provider's name, exactly as the catalogue's <c>provider</c> field gives it.</summary>
    public const string Provider = "gz:provider";

    /// <summary>A site a site operator runs (one claim per site).</summary>
    public const string Site = "gz:site";

    /// <summary>A device identity's <c>site/device</c>.</summary>
    public const string Device = "gz:device";

    /// <summary>How the caller proved who they are: one of <see cref="AuthMethods"/>.</summary>
    public const string Method = "gz:auth";

    /// <summary>The id of the personal token a call came with.</summary>
    public const string TokenId = "gz:token";
}

/// <summary>The ways a caller can prove who they are (the <see cref="AccessClaims.Method"/> claim).</summary>
public static class AuthMethods
{
    public const string Password = "password";
    public const string Oidc = "oidc";
    public const string Token = "token";
    public const string DeviceToken = "device-token";
}
