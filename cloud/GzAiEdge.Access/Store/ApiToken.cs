namespace GzAiEdge.Access.Store;

/// <summary>
/// A personal API token. Only the SHA-256 of the secret is kept: the secret is shown once, when it is made. A token
/// acts with its owner's roles as they are at each request, so disabling the owner stops it too.
/// </summary>
public sealed class ApiToken
{
    /// <summary>The public id, shown in lists and used to revoke it.</summary>
    public string Id { get; set; } = string.Empty;

    public string UserId { get; set; } = string.Empty;

    /// <summary>What the owner called it ("watch table", "ci").</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>SHA-256 of the whole token, lowercase hex (<see cref="Tokens.TokenFormat.Hash"/>).</summary>
    public string Hash { get; set; } = string.Empty;

    public DateTimeOffset Created { get; set; }

    public DateTimeOffset Expires { get; set; }

    public DateTimeOffset? Revoked { get; set; }
}
