using GzAiEdge.Access.Authorization;
using GzAiEdge.Contracts.Topics;

namespace GzAiEdge.Access.Accounts;

/// <summary>What an account is: its name, roles, and what the roles are scoped to.</summary>
/// <param name="Provider">For the provider role: the provider's name exactly as the catalogue's <c>provider</c> field gives it.</param>
/// <param name="Sites">For the site-operator role: the sites they run.</param>
public sealed record AccountSpec(string Name, IReadOnlyList<string> Roles, string? Provider, IReadOnlyList<string> Sites)
{
    /// <summary>Everything wrong with the spec, each naming the field.</summary>
    public IReadOnlyList<string> Check()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 100 || Name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '/' or ':'))
        {
            errors.Add($"name '{Name}': 1..100 characters, no spaces, '/' or ':'");
        }

        if (Roles.Count == 0)
        {
            errors.Add($"roles: give at least one of {string.Join(", ", Authorization.Roles.People)}");
        }

        errors.AddRange(Roles.Select(Authorization.Roles.Check).OfType<string>());
        var isProvider = Roles.Contains(Authorization.Roles.Provider);
        if (isProvider != !string.IsNullOrWhiteSpace(Provider))
        {
            errors.Add(isProvider ? "provider: the provider role needs the provider's name as the catalogue writes it" : "provider: only the provider role takes a provider name");
        }

        var isOperator = Roles.Contains(Authorization.Roles.SiteOperator);
        if (isOperator != Sites.Count > 0)
        {
            errors.Add(isOperator ? "sites: the site-operator role needs the sites they run" : "sites: only the site-operator role takes sites");
        }

        errors.AddRange(Sites.Select(s => Identifiers.Check(s) is { } why ? $"site '{s}': {why}" : null).OfType<string>());
        return errors;
    }
}

/// <summary>An account as listed: never its password hash.</summary>
public sealed record AccountView(string Name, IReadOnlyList<string> Roles, string? Provider, IReadOnlyList<string> Sites, bool Disabled,
    DateTimeOffset? LockedUntil, int FailedSignIns, bool External, DateTimeOffset Created);

/// <summary>What a change to an account came to: nothing wrong, or everything that was.</summary>
public sealed record AccountResult(IReadOnlyList<string> Errors)
{
    public static AccountResult Ok { get; } = new([]);

    public bool Succeeded => Errors.Count == 0;

    public static AccountResult Fail(params string[] errors) => new(errors);
}
