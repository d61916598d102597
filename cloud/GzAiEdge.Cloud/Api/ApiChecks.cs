using GzAiEdge.Contracts.Topics;

namespace GzAiEdge.Cloud.Api;

/// <summary>
/// Query checks shared by the API areas. Each check adds its message under the parameter's name, so
/// that one 400 lists every bad parameter at once (RFC 7807 validation problem).
/// </summary>
internal sealed class ApiChecks
{
    public const int MaxLimit = 1000;

    public Dictionary<string, string[]> Errors { get; } = [];

    public bool Failed => Errors.Count > 0;

    public (int Offset, int Limit) Paging(int? offset, int? limit, int defaultLimit = 50)
    {
        var skip = offset ?? 0;
        var take = limit ?? defaultLimit;
        if (skip < 0)
        {
            Add("offset", $"offset must be >= 0 (was {skip})");
        }

        if (take is < 1 or > MaxLimit)
        {
            Add("limit", $"limit must be within 1..{MaxLimit} (was {take})");
        }

        return (skip, take);
    }

    /// <summary>A site, device or scenario id: the same rule as in topics and the catalogue.</summary>
    public string? Id(string name, string? value)
    {
        if (value is not null && Identifiers.Check(value) is { } why)
        {
            Add(name, $"{name} {why}");
            return null;
        }

        return value;
    }

    public T? OneOf<T>(string name, string? value, IReadOnlyList<T> allowed, Func<T, string> text)
        where T : struct
    {
        if (value is null)
        {
            return null;
        }

        foreach (var candidate in allowed)
        {
            if (string.Equals(text(candidate), value, StringComparison.Ordinal))
            {
                return candidate;
            }
        }

        Add(name, $"{name} '{value}' is not one of {string.Join(", ", allowed.Select(text))}");
        return null;
    }

    public void Add(string name, string message) =>
        Errors[name] = Errors.TryGetValue(name, out var existing) ? [.. existing, message] : [message];
}

/// <summary>One page of a list: the total matching, and the items from <see cref="Offset"/>.</summary>
public sealed record Page<T>(long Total, int Offset, int Limit, IReadOnlyList<T> Items)
{
    public static Page<T> Of(IReadOnlyList<T> all, int offset, int limit) => new(all.Count, offset, limit, [.. all.Skip(offset).Take(limit)]);
}
