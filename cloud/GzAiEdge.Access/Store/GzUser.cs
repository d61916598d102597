using Microsoft.AspNetCore.Identity;

namespace GzAiEdge.Access.Store;

/// <summary>
/// A person's account. Roles, the provider they act for and the sites they run are Identity roles and user claims
/// (<see cref="AccessClaims"/>), so that the framework's principal factory puts them on every session. A disabled
/// account is one locked out until the end of time.
/// </summary>
public sealed class GzUser : IdentityUser
{
    /// <summary>When the account was made.</summary>
    public DateTimeOffset Created { get; set; }
}
