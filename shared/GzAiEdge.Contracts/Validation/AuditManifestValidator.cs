using System.Globalization;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Contracts.Topics;

namespace GzAiEdge.Contracts.Validation;

/// <summary>The rules of an audit manifest, one implementation for the cloud that signs it and the device that runs it.</summary>
public static class AuditManifestValidator
{
    /// <summary>Most items an audit may hold.</summary>
    public const int MaxItems = 100_000;

    /// <summary>Largest seed: 2^53 - 1, so that every JSON reader holds it exactly.</summary>
    public const long MaxSeed = (1L << 53) - 1;

    /// <summary>Longest item id.</summary>
    public const int MaxItemIdLength = 64;

    /// <summary>Checks every field's shape (not the signature); an empty list means well formed.</summary>
    public static IReadOnlyList<ContractError> Validate(AuditManifest manifest)
    {
        var errors = new List<ContractError>();
        ContractChecks.Version(errors, manifest.V);
        ContractChecks.Add(errors, "audit", manifest.Audit, CheckHex(manifest.Audit, 32));
        ContractChecks.Add(errors, "site", manifest.Site, Identifiers.Check(manifest.Site));
        ContractChecks.Add(errors, "device", manifest.Device, Identifiers.Check(manifest.Device));
        ContractChecks.Add(errors, "testSet", manifest.TestSet, ModelManifestValidator.CheckName(manifest.TestSet));
        ContractChecks.Add(errors, "version", manifest.Version, ModelManifestValidator.CheckVersion(manifest.Version));
        ContractChecks.Add(errors, "pipeline", manifest.Pipeline, Identifiers.Check(manifest.Pipeline));
        if (manifest.Items is < 1 or > MaxItems)
        {
            errors.Add(new("items", manifest.Items.ToString(CultureInfo.InvariantCulture), $"must be 1 to {MaxItems}"));
        }

        ContractChecks.Add(errors, "sha256", manifest.Sha256, CheckHex(manifest.Sha256, 64));
        if (manifest.Size < 1)
        {
            errors.Add(new("size", manifest.Size.ToString(CultureInfo.InvariantCulture), "must be 1 byte or more"));
        }

        ContractChecks.Add(errors, "url", manifest.Url, CheckRelativeUrl(manifest.Url));
        ContractChecks.Add(errors, "nonce", manifest.Nonce, CheckHex(manifest.Nonce, 64));
        if (manifest.Seed is < 0 or > MaxSeed)
        {
            errors.Add(new("seed", manifest.Seed.ToString(CultureInfo.InvariantCulture), $"must be 0 to {MaxSeed}"));
        }

        KpiReportValidator.CheckPeriod(errors, ("created", manifest.Created), ("deadline", manifest.Deadline),
            DeviceCommandValidator.MaxLifetime, $"more than {DeviceCommandValidator.MaxLifetime.TotalDays} days after created");
        KpiReportValidator.CheckSignatureFields(errors, null, manifest.Kid, manifest.Sig);
        return errors;
    }

    /// <summary>
    /// Checks the shape and that <paramref name="programmeKey"/> signed exactly these fields; an empty list means the
    /// programme sent it. A missing signature, another key or any changed field is an error.
    /// </summary>
    public static IReadOnlyList<ContractError> Verify(AuditManifest manifest, SignatureCheck programmeKey)
    {
        var errors = Validate(manifest).ToList();
        if (errors.Count == 0)
        {
            SignedContent.Verify(errors, manifest.Kid, manifest.Sig, CanonicalBytes.Of(manifest), programmeKey, "the audit manifest", "the programme key");
        }

        return errors;
    }

    /// <summary>Null when <paramref name="id"/> is an item id (1-64 of a-z, A-Z, 0-9, '.', '-', '_', starting with a letter or digit), else why not.</summary>
    public static string? CheckItemId(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return "is empty";
        }

        if (id.Length > MaxItemIdLength)
        {
            return $"'{id}' is longer than {MaxItemIdLength} characters";
        }

        return char.IsAsciiLetterOrDigit(id[0]) && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_')
            ? null
            : $"'{id}' must be letters, digits, '.', '-' and '_', starting with a letter or digit";
    }

    /// <summary>Null when <paramref name="value"/> is <paramref name="digits"/> lowercase hex digits, else why not.</summary>
    internal static string? CheckHex(string? value, int digits) =>
        value is not null && value.Length == digits && value.All(char.IsAsciiHexDigitLower) ? null : $"must be {digits} lowercase hex digits";

    // A path under the API the device already trusts, never an address of its own: the device resolves it against its
    // configured cloud API, so a manifest cannot send it to another host.
    private static string? CheckRelativeUrl(string? url) =>
        url is { Length: > 0 and <= 256 } && url.StartsWith("api/", StringComparison.Ordinal) && !url.Contains("//", StringComparison.Ordinal)
        && !url.Split('/').Contains("..") && url.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '-' or '_')
            ? null
            : "must be a path under the cloud API such as api/v1/audits/{audit}/inputs";
}
