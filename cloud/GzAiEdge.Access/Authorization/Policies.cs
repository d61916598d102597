namespace GzAiEdge.Access.Authorization;

/// <summary>
/// The authorization policies every endpoint names, and the one place that says which roles pass each: the permission
/// matrix in docs/security.md is this table. An endpoint that several kinds of caller may use names them joined with
/// <see cref="Either"/> (the roles of each add up). An endpoint that names no policy is refused to everyone (the
/// fallback policy denies), and the suite fails on it.
/// </summary>
public static class Policies
{
    public const string Admin = "Admin";
    public const string Evaluator = "Evaluator";
    public const string SiteOperator = "SiteOperator";
    public const string Provider = "Provider";
    public const string Viewer = "Viewer";
    public const string Device = "Device";

    /// <summary>Each policy and the roles that pass it.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> RolesByPolicy { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        [Admin] = [Roles.Admin],
        [Evaluator] = [Roles.Admin, Roles.Evaluator],
        [SiteOperator] = [Roles.Admin, Roles.SiteOperator],
        // Everyone with a part in a demonstration beyond watching it; what each sees is scoped to their own.
        [Provider] = [Roles.Admin, Roles.Evaluator, Roles.SiteOperator, Roles.Provider],
        [Viewer] = [Roles.Admin, Roles.Evaluator, Roles.SiteOperator, Roles.Provider, Roles.Viewer],
        [Device] = [Roles.Device],
    };

    /// <summary>A policy any of <paramref name="policies"/> passes, e.g. people who may download a model and the devices that install it.</summary>
    public static string Either(params string[] policies) => string.Join('|', policies);

    /// <summary>The roles that pass a policy name (one of the above, or several joined by <see cref="Either"/>); null for an unknown name.</summary>
    public static IReadOnlyList<string>? RolesOf(string policy)
    {
        var roles = new List<string>();
        foreach (var part in policy.Split('|'))
        {
            if (!RolesByPolicy.TryGetValue(part, out var some))
            {
                return null;
            }

            roles.AddRange(some.Where(r => !roles.Contains(r)));
        }

        return roles;
    }
}
