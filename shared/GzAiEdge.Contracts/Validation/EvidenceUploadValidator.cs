using System.Buffers.Text;
using GzAiEdge.Contracts.Evidence;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Contracts.Topics;

namespace GzAiEdge.Contracts.Validation;

/// <summary>The rules of an <see cref="EvidenceUpload"/>: its own fields, then its signature by the device's key.</summary>
public static class EvidenceUploadValidator
{
    /// <summary>Largest input an upload carries (decoded).</summary>
    public const int MaxInputBytes = 16 * 1024 * 1024;

    /// <summary>Checks every field; an empty list means well formed.</summary>
    public static IReadOnlyList<ContractError> Validate(EvidenceUpload e)
    {
        var errors = new List<ContractError>();
        ContractChecks.Version(errors, e.V);
        ContractChecks.Add(errors, "item", e.Item, Identifiers.Check(e.Item));
        ContractChecks.Add(errors, "site", e.Site, Identifiers.Check(e.Site));
        ContractChecks.Add(errors, "device", e.Device, Identifiers.Check(e.Device));
        if (!ChainHash.IsWellFormed(e.ReportHash))
        {
            errors.Add(new("reportHash", e.ReportHash, "must be 64 lowercase hex digits"));
        }

        if (!EvidenceFetchArguments.Strata.Contains(e.Stratum))
        {
            errors.Add(new("stratum", e.Stratum, "must be positive or negative"));
        }

        if (e.Count < 0)
        {
            errors.Add(new("count", null, "must be 0 or more"));
        }

        if (e.Missing is not null)
        {
            if (e.Input is not null || e.Outputs is not null || e.Shape is not null || e.InputSha256 is not null)
            {
                errors.Add(new("missing", e.Missing, "an upload says why the item is missing, or carries it, not both"));
            }

            return errors;
        }

        if (e.Input is null || e.Outputs is null || e.Shape is null || e.InputSha256 is null || e.Time is null)
        {
            errors.Add(new("input", null, "an upload carries time, shape, inputSha256, input and outputs (or says why the item is missing)"));
        }
        else if (!ChainHash.IsWellFormed(e.InputSha256))
        {
            errors.Add(new("inputSha256", e.InputSha256, "must be 64 lowercase hex digits"));
        }
        else if (!Base64.IsValid(e.Input, out var length) || length > MaxInputBytes)
        {
            errors.Add(new("input", null, $"must be base64 of at most {MaxInputBytes} bytes"));
        }

        return errors;
    }

    /// <summary><see cref="Validate"/>, then the signature by <paramref name="deviceKey"/>.</summary>
    public static IReadOnlyList<ContractError> Verify(EvidenceUpload upload, SignatureCheck deviceKey)
    {
        var errors = Validate(upload).ToList();
        if (errors.Count == 0)
        {
            SignedContent.Verify(errors, upload.Kid, upload.Sig, CanonicalBytes.Of(upload), deviceKey, "the evidence", $"the key of {upload.Site}/{upload.Device}");
        }

        return errors;
    }
}
