namespace GzAiEdge.Access.Authorization;

/// <summary>
/// The roles a person can hold (ARCHITECTURE.md, "Trust" → People), and the one a device's API identity holds. What
/// each role may call is decided by <see cref="Policies"/>; what data it sees, by <see cref="Caller"/>'s scope.
/// </summary>
public static class Roles
{
    /// <summary>The programme operator: everything, including users, tokens, dead-letter payloads and the audit log.</summary>
    public const string Admin = "admin";

    /// <summary>Scores, audits and publishes: sees every scenario, runs evaluations and verifications, publishes leaderboards.</summary>
    public const string Evaluator = "evaluator";

    /// <summary>Runs the devices of some sites: sees the scenarios running there and commands only those sites' devices.</summary>
    public const string SiteOperator = "site-operator";

    /// <summary>A scenario provider: sees only the scenarios whose catalogue <c>provider</c> is theirs, and what belongs to them.</summary>
    public const string Provider = "provider";

    /// <summary>Watches the programme: reads monitoring data and published leaderboards, changes nothing.</summary>
    public const string Viewer = "viewer";

    /// <summary>Not a person's role: an edge device's own API identity (<c>gz provision</c>'s device token).</summary>
    public const string Device = "device";

    /// <summary>The roles a person's account may hold, most powerful first.</summary>
    public static IReadOnlyList<string> People { get; } = [Admin, Evaluator, SiteOperator, Provider, Viewer];

    /// <summary>Null when <paramref name="role"/> is a person's role, else why not.</summary>
    public static string? Check(string role) =>
        People.Contains(role) ? null : $"'{role}' is not a role; the roles are {string.Join(", ", People)}";
}
