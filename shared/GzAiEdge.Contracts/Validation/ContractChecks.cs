using System.Globalization;
using GzAiEdge.Contracts.Messages;

namespace GzAiEdge.Contracts.Validation;

/// <summary>The checks every message validator shares, so that each rule is worded once.</summary>
internal static class ContractChecks
{
    /// <summary>The contract version this build reads.</summary>
    public static void Version(List<ContractError> errors, int v)
    {
        if (v != ContractVersion.Current)
        {
            errors.Add(new("v", v.ToString(CultureInfo.InvariantCulture), $"unsupported contract version; this build reads v{ContractVersion.Current}"));
        }
    }

    /// <summary>A time given in UTC.</summary>
    public static void Utc(List<ContractError> errors, string field, DateTimeOffset time)
    {
        if (time.Offset != TimeSpan.Zero)
        {
            errors.Add(new(field, time.ToString("O"), "must be UTC (end in Z)"));
        }
    }

    /// <summary>Adds <paramref name="why"/> for <paramref name="field"/> unless it is null (a check that passed).</summary>
    public static void Add(List<ContractError> errors, string field, string? value, string? why)
    {
        if (why is not null)
        {
            errors.Add(new(field, value, why));
        }
    }
}
