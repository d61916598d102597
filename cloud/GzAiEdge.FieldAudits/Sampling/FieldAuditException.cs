namespace GzAiEdge.FieldAudits.Sampling;

/// <summary>What kind of problem refused a field-audit request, for the API's status code.</summary>
public enum FieldAuditProblem
{
    /// <summary>No such period, scenario or item.</summary>
    NotFound,

    /// <summary>The request cannot be carried out as asked (a bad period, a reveal before the end).</summary>
    Invalid,

    /// <summary>The cloud lacks what it needs (the programme cannot be loaded).</summary>
    NotConfigured,
}

/// <summary>A field-audit request refused, with the reason in words.</summary>
public sealed class FieldAuditException(FieldAuditProblem problem, string message) : Exception(message)
{
    public FieldAuditProblem Problem { get; } = problem;
}
