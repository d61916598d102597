namespace GzAiEdge.Audits.Runs;

/// <summary>Why an audit request cannot be carried out, and which kind of problem it is (for the API's status code).</summary>
public sealed class AuditException(AuditProblem problem, string message) : Exception(message)
{
    public AuditProblem Problem { get; } = problem;
}

/// <summary>The kinds of problem an audit request meets.</summary>
public enum AuditProblem
{
    /// <summary>The request names something malformed or contradictory.</summary>
    Invalid,

    /// <summary>The scenario, test set, device or audit does not exist.</summary>
    NotFound,

    /// <summary>The cloud cannot do it as configured (no signing key, no programme).</summary>
    NotConfigured,
}
