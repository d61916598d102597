namespace GzAiEdge.Contracts.Topics;

/// <summary>The one rule for site, device and scenario ids.</summary>
public static class Identifiers
{
    /// <summary>Longest id accepted.</summary>
    public const int MaxLength = 64;

    /// <summary>Returns null when <paramref name="value"/> is a valid id, else why it is not.</summary>
    public static string? Check(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "is empty";
        }

        if (value.Length > MaxLength)
        {
            return $"'{value}' is longer than {MaxLength} characters";
        }

        if (!IsLowerAlphanumeric(value[0]))
        {
            return $"'{value}' must start with a-z or 0-9";
        }

        foreach (var c in value)
        {
            if (!IsLowerAlphanumeric(c) && c != '-' && c != '_')
            {
                return $"'{value}' has '{c}'; only a-z, 0-9, '-' and '_' are allowed";
            }
        }

        return null;
    }

    private static bool IsLowerAlphanumeric(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');
}
