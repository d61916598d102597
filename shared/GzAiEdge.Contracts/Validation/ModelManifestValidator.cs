using System.Globalization;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Contracts.Topics;

namespace GzAiEdge.Contracts.Validation;

/// <summary>
/// The rules of a model manifest, one implementation for the CLI that signs it, the cloud that serves it and the
/// device that installs it. Names and versions are safe as path segments of the repository and of URLs: they
/// cannot hold a separator, cannot be <c>.</c> or <c>..</c>, and start with a letter or digit.
/// </summary>
public static class ModelManifestValidator
{
    /// <summary>Longest model version accepted.</summary>
    public const int MaxVersionLength = 32;

    /// <summary>Longest time a manifest may stay installable after it was signed.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(3650);

    /// <summary>Returns null when <paramref name="name"/> is a model name (the rule of site and device ids), else why not.</summary>
    public static string? CheckName(string? name) => Identifiers.Check(name);

    /// <summary>Returns null when <paramref name="version"/> is a model version (1-32 of a-z, A-Z, 0-9, '.', '-', '_', starting with a letter or digit), else why not.</summary>
    public static string? CheckVersion(string? version)
    {
        if (string.IsNullOrEmpty(version))
        {
            return "is empty";
        }

        if (version.Length > MaxVersionLength)
        {
            return $"'{version}' is longer than {MaxVersionLength} characters";
        }

        if (!char.IsAsciiLetterOrDigit(version[0]))
        {
            return $"'{version}' must start with a letter or digit";
        }

        foreach (var c in version)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '-' or '_'))
            {
                return $"'{version}' has '{c}'; only letters, digits, '.', '-' and '_' are allowed";
            }
        }

        return null;
    }

    /// <summary>Checks every field's shape (not the signature); an empty list means well formed.</summary>
    public static IReadOnlyList<ContractError> Validate(ModelManifest manifest)
    {
        var errors = new List<ContractError>();
        ContractChecks.Version(errors, manifest.V);

        ContractChecks.Add(errors, "name", manifest.Name, CheckName(manifest.Name));
        ContractChecks.Add(errors, "version", manifest.Version, CheckVersion(manifest.Version));
        if (!ChainHash.IsWellFormed(manifest.Sha256))
        {
            errors.Add(new("sha256", manifest.Sha256, "must be 64 lowercase hex digits (SHA-256 of the model file)"));
        }

        if (manifest.Size < 1)
        {
            errors.Add(new("size", manifest.Size.ToString(CultureInfo.InvariantCulture), "must be 1 byte or more"));
        }

        if (manifest.VersionNumber < 1)
        {
            errors.Add(new("versionNumber", manifest.VersionNumber.ToString(CultureInfo.InvariantCulture), "must be 1 or more"));
        }

        ContractChecks.Add(errors, "pipeline", manifest.Pipeline, Identifiers.Check(manifest.Pipeline));
        KpiReportValidator.CheckPeriod(errors, ("created", manifest.Created), ("expires", manifest.Expires), MaxLifetime,
            $"more than {MaxLifetime.TotalDays:0} days after created");

        KpiReportValidator.CheckSignatureFields(errors, null, manifest.Kid, manifest.Sig);
        return errors;
    }

    /// <summary>
    /// Checks the shape and that <paramref name="programmeKey"/> signed exactly these fields; an empty list means
    /// the manifest is the programme's. A missing signature, another key or any changed field is an error.
    /// </summary>
    public static IReadOnlyList<ContractError> Verify(ModelManifest manifest, SignatureCheck programmeKey)
    {
        var errors = Validate(manifest).ToList();
        if (errors.Count > 0)
        {
            return errors;
        }

        SignedContent.Verify(errors, manifest.Kid, manifest.Sig, CanonicalBytes.Of(manifest), programmeKey, "the manifest", "the programme key");
        return errors;
    }

    /// <summary>
    /// Why a device running the <paramref name="pipeline"/> pipeline with a model of version number
    /// <paramref name="running"/> (0 for the model its config names) must not install <paramref name="manifest"/> at
    /// <paramref name="now"/>; null when it may. Run after <see cref="Verify"/>: only a signed manifest's fields mean
    /// anything. An equal number is refused like a lower one: a version number names one release.
    /// </summary>
    public static string? RefuseInstall(ModelManifest manifest, string pipeline, long running, DateTimeOffset now)
    {
        if (manifest.Pipeline != pipeline)
        {
            return $"is for the {manifest.Pipeline} pipeline; this device runs {pipeline}";
        }

        if (manifest.Expires <= now)
        {
            return $"expired at {manifest.Expires:O} (device time {now:O}); the programme signs a new manifest to install it later";
        }

        return manifest.VersionNumber <= running && !manifest.Downgrade
            ? $"has version number {manifest.VersionNumber}, not above the {running} of the model running: a downgrade installs only from a manifest the programme signed as one (gz model sign --downgrade)"
            : null;
    }
}
