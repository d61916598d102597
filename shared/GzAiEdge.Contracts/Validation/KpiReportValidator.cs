using System.Globalization;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Contracts.Topics;

namespace GzAiEdge.Contracts.Validation;

/// <summary>The rules a KPI report must meet before it is published or stored.</summary>
public static class KpiReportValidator
{
    /// <summary>Most KPIs one report may carry; each becomes an InfluxDB field.</summary>
    public const int MaxKpis = 64;

    /// <summary>Longest window accepted.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(1);

    /// <summary>
    /// Names stored beside the KPIs as fields or tags of the same point, so a KPI may not take them: the point's own
    /// fields and tags, then the chain fields.
    /// </summary>
    public static IReadOnlyList<string> ReservedKpiNames { get; } =
        ["seq", "verified", "time", "site", "device", "scenario", "sector",
            "hash", "prev", "kid", "sig", "window_start_ns", "model", "model_name", "model_version", "model_sha256"];

    // After ReservedKpiNames: static members are initialised in the order they are written.
    internal static readonly HashSet<string> ReservedNames = [.. ReservedKpiNames];

    /// <summary>Checks every field; an empty list means the report is valid.</summary>
    public static IReadOnlyList<ContractError> Validate(KpiReport report)
    {
        var errors = new List<ContractError>();
        ContractChecks.Version(errors, report.V);

        CheckId(errors, "site", report.Site);
        CheckId(errors, "device", report.Device);
        CheckId(errors, "scenario", report.Scenario);
        if (report.Seq < 1)
        {
            errors.Add(new("seq", report.Seq.ToString(CultureInfo.InvariantCulture), "must be 1 or more"));
        }

        CheckWindow(errors, report);
        CheckKpis(errors, report.Kpis);
        if (report.Model is { } model)
        {
            CheckModel(errors, model);
        }

        CheckSignatureFields(errors, report.Prev, report.Kid, report.Sig);
        return errors;
    }

    /// <summary>Checks that the report's site and device are those of the topic it came on.</summary>
    public static IReadOnlyList<ContractError> ValidateAgainstTopic(KpiReport report, GzTopic topic)
    {
        var errors = new List<ContractError>();
        if (topic.Kind != MessageKind.Kpi)
        {
            errors.Add(new("topic", topic.ToString(), "a KPI report must be published on a kpi topic"));
        }

        if (report.Site != topic.Site)
        {
            errors.Add(new("site", report.Site, $"differs from the topic's site '{topic.Site}'"));
        }

        if (report.Device != topic.Device)
        {
            errors.Add(new("device", report.Device, $"differs from the topic's device '{topic.Device}'"));
        }

        return errors;
    }

    private static void CheckId(List<ContractError> errors, string field, string value) =>
        ContractChecks.Add(errors, field, value, Identifiers.Check(value));

    private static void CheckWindow(List<ContractError> errors, KpiReport report) =>
        CheckPeriod(errors, ("windowStart", report.WindowStart), ("windowEnd", report.WindowEnd), MaxWindow, $"window is longer than {MaxWindow.TotalHours} hours");

    /// <summary>Both times in UTC, the end after the start and at most <paramref name="max"/> after it (else <paramref name="tooLong"/>).</summary>
    internal static void CheckPeriod(List<ContractError> errors, (string Field, DateTimeOffset Time) start, (string Field, DateTimeOffset Time) end, TimeSpan max, string tooLong)
    {
        ContractChecks.Utc(errors, start.Field, start.Time);
        ContractChecks.Utc(errors, end.Field, end.Time);

        var length = end.Time - start.Time;
        if (length <= TimeSpan.Zero)
        {
            errors.Add(new(end.Field, end.Time.ToString("O"), $"must be after {start.Field}"));
        }
        else if (length > max)
        {
            errors.Add(new(end.Field, end.Time.ToString("O"), tooLong));
        }
    }

    private static void CheckKpis(List<ContractError> errors, IReadOnlyDictionary<string, double>? kpis)
    {
        if (kpis is null || kpis.Count == 0)
        {
            errors.Add(new("kpis", null, "must hold at least one KPI"));
            return;
        }

        if (kpis.Count > MaxKpis)
        {
            errors.Add(new("kpis", kpis.Count.ToString(CultureInfo.InvariantCulture), $"more than {MaxKpis} KPIs"));
        }

        foreach (var (name, value) in kpis)
        {
            if (!IsKpiName(name))
            {
                errors.Add(new($"kpis.{name}", null, "KPI names are 1-64 characters of a-z, 0-9 and '_', starting with a letter"));
            }
            else if (ReservedNames.Contains(name))
            {
                errors.Add(new($"kpis.{name}", null, "is a reserved name"));
            }

            if (!double.IsFinite(value))
            {
                errors.Add(new($"kpis.{name}", value.ToString(CultureInfo.InvariantCulture), "must be a finite number"));
            }
        }
    }

    private static void CheckModel(List<ContractError> errors, ModelInfo model)
    {
        if (string.IsNullOrWhiteSpace(model.Name))
        {
            errors.Add(new("model.name", model.Name, "is empty"));
        }

        if (string.IsNullOrWhiteSpace(model.Version))
        {
            errors.Add(new("model.version", model.Version, "is empty"));
        }

        if (model.Sha256 is not { Length: 64 } || !model.Sha256.All(char.IsAsciiHexDigitLower))
        {
            errors.Add(new("model.sha256", model.Sha256, "must be 64 lowercase hex digits"));
        }
    }

    /// <summary>Shape checks of the chain and signature fields; whether they verify is the verifier's job.</summary>
    internal static void CheckSignatureFields(List<ContractError> errors, string? prev, string? kid, string? sig)
    {
        if (prev is not null && !ChainHash.IsWellFormed(prev))
        {
            errors.Add(new("prev", prev, "must be 64 lowercase hex digits (SHA-256)"));
        }

        if (kid is not null && !KeyId.IsWellFormed(kid))
        {
            errors.Add(new("kid", kid, "must be 16 lowercase hex digits"));
        }

        if ((kid is null) != (sig is null))
        {
            errors.Add(new("sig", sig, "kid and sig come together or not at all"));
        }

        Span<byte> signature = stackalloc byte[64];
        if (sig is not null && (!Convert.TryFromBase64String(sig, signature, out var length) || length != 64))
        {
            errors.Add(new("sig", sig, "must be base64 of a 64-byte ECDSA P-256 signature (r and s)"));
        }
    }

    /// <summary>Whether <paramref name="name"/> is a KPI name: 1-64 characters of a-z, 0-9 and '_', starting with a letter.</summary>
    public static bool IsKpiName(string name) =>
        name.Length is > 0 and <= 64
        && char.IsAsciiLetterLower(name[0])
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');
}
