using System.Globalization;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Contracts.Topics;

namespace GzAiEdge.Contracts.Validation;

/// <summary>
/// The shape of an audit answer and whether a device key signed it. Whether it answers the right audit, nonce, inputs and
/// items, in time, is the cloud's check on top: it alone knows the audit.
/// </summary>
public static class AuditAnswerValidator
{
    /// <summary>Most detections one item may carry.</summary>
    public const int MaxBoxes = 1000;

    /// <summary>Most windows one series may carry.</summary>
    public const int MaxWindows = 100_000;

    /// <summary>Checks every field's shape; an empty list means well formed.</summary>
    public static IReadOnlyList<ContractError> Validate(AuditAnswer answer)
    {
        var errors = new List<ContractError>();
        ContractChecks.Version(errors, answer.V);
        ContractChecks.Add(errors, "audit", answer.Audit, AuditManifestValidator.CheckHex(answer.Audit, 32));
        ContractChecks.Add(errors, "site", answer.Site, Identifiers.Check(answer.Site));
        ContractChecks.Add(errors, "device", answer.Device, Identifiers.Check(answer.Device));
        ContractChecks.Add(errors, "nonce", answer.Nonce, AuditManifestValidator.CheckHex(answer.Nonce, 64));
        ContractChecks.Add(errors, "inputs", answer.Inputs, AuditManifestValidator.CheckHex(answer.Inputs, 64));
        ContractChecks.Add(errors, "model.sha256", answer.Model?.Sha256, AuditManifestValidator.CheckHex(answer.Model?.Sha256, 64));
        Finite(errors, "threshold", answer.Threshold);
        ContractChecks.Utc(errors, "started", answer.Started);
        ContractChecks.Utc(errors, "finished", answer.Finished);
        if (answer.Finished < answer.Started)
        {
            errors.Add(new("finished", answer.Finished.ToString("O"), "must not be before started"));
        }

        if (answer.Items is not { Count: > 0 and <= AuditManifestValidator.MaxItems })
        {
            errors.Add(new("items", answer.Items?.Count.ToString(CultureInfo.InvariantCulture), $"must hold 1 to {AuditManifestValidator.MaxItems} items"));
        }
        else
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < answer.Items.Count && errors.Count < 20; i++)
            {
                Item(errors, $"items[{i}]", answer.Items[i], seen);
            }
        }

        KpiReportValidator.CheckSignatureFields(errors, null, answer.Kid, answer.Sig);
        return errors;
    }

    /// <summary>
    /// Checks the shape and that <paramref name="deviceKey"/> signed exactly these fields; an empty list means the device
    /// sent it. A missing signature, another key or any changed field is an error.
    /// </summary>
    public static IReadOnlyList<ContractError> Verify(AuditAnswer answer, SignatureCheck deviceKey)
    {
        var errors = Validate(answer).ToList();
        if (errors.Count == 0)
        {
            SignedContent.Verify(errors, answer.Kid, answer.Sig, CanonicalBytes.Of(answer), deviceKey, "the answer", $"the key of {answer.Site}/{answer.Device}");
        }

        return errors;
    }

    private static void Item(List<ContractError> errors, string at, AuditItemAnswer item, HashSet<string> seen)
    {
        ContractChecks.Add(errors, $"{at}.id", item.Id, AuditManifestValidator.CheckItemId(item.Id));
        if (item.Id is not null && !seen.Add(item.Id))
        {
            errors.Add(new($"{at}.id", item.Id, "answered twice"));
        }

        if (item.LatencyMs is not { Count: > 0 } || item.LatencyMs.Any(l => !double.IsFinite(l) || l < 0))
        {
            errors.Add(new($"{at}.latencyMs", null, "must hold one finite, non-negative time per model run"));
        }

        var outputs = (item.Boxes is null ? 0 : 1) + (item.Scores is null && item.Error is null ? 0 : 1) + (item.Windows is null ? 0 : 1);
        if (outputs != 1)
        {
            errors.Add(new(at, item.Id, "must carry exactly one kind of output: boxes, scores or error with a decision, or windows"));
            return;
        }

        if (item.Boxes is { } boxes)
        {
            if (boxes.Count > MaxBoxes || boxes.Any(b => string.IsNullOrEmpty(b.Class) || !AllFinite([b.Score, b.X1, b.Y1, b.X2, b.Y2])))
            {
                errors.Add(new($"{at}.boxes", null, $"at most {MaxBoxes} boxes, each with a class and finite score and corners"));
            }
        }
        else if (item.Windows is { } windows)
        {
            if (windows.Count is 0 or > MaxWindows || windows.Any(w => w.Start < 0 || w.End <= w.Start || w.Scores is not { Count: > 0 } || !AllFinite(w.Scores)))
            {
                errors.Add(new($"{at}.windows", null, $"1 to {MaxWindows} windows, each with 0 <= start < end and finite scores"));
            }
        }
        else if (item.Decision is null || (item.Scores is { } scores && (scores.Count == 0 || !AllFinite(scores))) || (item.Error is { } e && !double.IsFinite(e)))
        {
            errors.Add(new(at, item.Id, "scores or an error must be finite and come with a decision"));
        }
    }

    private static void Finite(List<ContractError> errors, string field, double value)
    {
        if (!double.IsFinite(value))
        {
            errors.Add(new(field, value.ToString(CultureInfo.InvariantCulture), "must be a finite number"));
        }
    }

    private static bool AllFinite(IEnumerable<double> values) => values.All(double.IsFinite);
}
