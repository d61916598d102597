namespace GzAiEdge.Access;

/// <summary>The authentication schemes: one default that picks the token handler for a bearer header and the session cookie otherwise.</summary>
public static class AccessSchemes
{
    /// <summary>The default: forwards to <see cref="Token"/> or to Identity's application cookie.</summary>
    public const string Default = "gz";

    /// <summary>Personal and device API tokens (<c>Authorization: Bearer …</c>).</summary>
    public const string Token = "gz-token";

    /// <summary>OpenID Connect, when configured.</summary>
    public const string Oidc = "oidc";
}
