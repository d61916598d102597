namespace GzAiEdge.Contracts.Validation;

/// <summary>One reason a message was not accepted: which field, the value seen, and why.</summary>
public sealed record ContractError(string Field, string? Value, string Why)
{
    /// <inheritdoc />
    public override string ToString() => Value is null ? $"{Field}: {Why}" : $"{Field} = '{Value}': {Why}";

    /// <summary>All errors on one line, for logs and dead letters.</summary>
    public static string Join(IEnumerable<ContractError> errors) => string.Join("; ", errors);
}
