using System.Globalization;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Signing;

namespace GzAiEdge.Contracts.Validation;

/// <summary>The shape a checkpoint must have to be stored (site, device and version are checked by <see cref="MessageReader"/>).</summary>
public static class CheckpointValidator
{
    /// <summary>Checks the checkpoint's own fields; an empty list means valid.</summary>
    public static IReadOnlyList<ContractError> Validate(Checkpoint checkpoint)
    {
        var errors = new List<ContractError>();
        if (checkpoint.Seq < 1)
        {
            errors.Add(new("seq", checkpoint.Seq.ToString(CultureInfo.InvariantCulture), "must be 1 or more"));
        }

        ContractChecks.Utc(errors, "time", checkpoint.Time);

        if (!ChainHash.IsWellFormed(checkpoint.Head))
        {
            errors.Add(new("head", checkpoint.Head, "must be 64 lowercase hex digits (SHA-256)"));
        }

        KpiReportValidator.CheckSignatureFields(errors, null, checkpoint.Kid, checkpoint.Sig);
        return errors;
    }
}
