using System.Globalization;
using GzAiEdge.Contracts.Audits;
using GzAiEdge.Contracts.Commands;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Topics;

namespace GzAiEdge.Contracts.Validation;

/// <summary>
/// The shape a device command must have, checked by the cloud before it publishes one and by the device once the
/// signature verified (<see cref="Signing.CommandKeyRing"/>). Whether the device lets it run (its target, expiry,
/// replay, enabled types, allowed keys) is the device's own check on top.
/// </summary>
public static class DeviceCommandValidator
{
    /// <summary>Longest time between <c>issued</c> and <c>expires</c>.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(7);

    /// <summary>Most arguments one command may carry.</summary>
    public const int MaxArguments = 32;

    /// <summary>Longest configuration key of <c>config.set</c>.</summary>
    public const int MaxKeyLength = 128;

    /// <summary>Longest configuration value of <c>config.set</c>.</summary>
    public const int MaxValueLength = 1024;

    /// <summary>Checks every field; an empty list means the command is well formed.</summary>
    public static IReadOnlyList<ContractError> Validate(DeviceCommand command)
    {
        var errors = new List<ContractError>();
        ContractChecks.Version(errors, command.V);

        ContractChecks.Add(errors, "id", command.Id, Identifiers.Check(command.Id));
        ContractChecks.Add(errors, "site", command.Site, Identifiers.Check(command.Site));
        ContractChecks.Add(errors, "device", command.Device, Identifiers.Check(command.Device));
        CheckTimes(errors, command);
        var arguments = command.Arguments ?? new Dictionary<string, string>();
        if (arguments.Count > MaxArguments)
        {
            errors.Add(new("arguments", arguments.Count.ToString(CultureInfo.InvariantCulture), $"more than {MaxArguments} arguments"));
        }

        switch (command.Type)
        {
            case CommandTypes.ConfigSet:
                CheckConfigValues(errors, arguments);
                break;
            case CommandTypes.PipelineRestart when arguments.Count > 0:
                errors.Add(new("arguments", string.Join(", ", arguments.Keys), "pipeline.restart takes no arguments"));
                break;
            case CommandTypes.ModelUpdate:
                CheckModelReference(errors, arguments);
                break;
            case CommandTypes.PipelineRestart:
                break;
            case CommandTypes.AuditRun:
                AuditArguments.TryRead(arguments, command.Site, command.Device, out _, out var auditErrors);
                errors.AddRange(auditErrors);
                break;
            case CommandTypes.EvidenceFetch:
                Evidence.EvidenceFetchArguments.TryRead(arguments, out _, out _, out _, out var evidenceErrors);
                errors.AddRange(evidenceErrors);
                break;
            default:
                errors.Add(new("type", command.Type, $"is not one of {string.Join(", ", CommandTypes.All)}"));
                break;
        }

        KpiReportValidator.CheckSignatureFields(errors, null, command.Kid, command.Sig);
        return errors;
    }

    /// <summary>Whether <paramref name="key"/> has the shape of a configuration key: segments of letters, digits and '_' joined by ':', e.g. <c>Pipeline:DecisionThreshold</c>.</summary>
    public static bool IsConfigKey(string key) =>
        key.Length is > 0 and <= MaxKeyLength
        && key.Split(':').All(segment => segment.Length > 0 && segment.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'));

    private static void CheckTimes(List<ContractError> errors, DeviceCommand command) =>
        KpiReportValidator.CheckPeriod(errors, ("issued", command.Issued), ("expires", command.Expires), MaxLifetime, $"more than {MaxLifetime.TotalDays} days after issued");

    private static void CheckConfigValues(List<ContractError> errors, IReadOnlyDictionary<string, string> arguments)
    {
        if (arguments.Count == 0)
        {
            errors.Add(new("arguments", null, "config.set needs at least one key = value"));
        }

        // Configuration keys ignore case: two spellings of one key would leave which value wins to chance.
        foreach (var twice in arguments.Keys.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            errors.Add(new("arguments", string.Join(", ", twice), "names one configuration key twice (keys ignore case)"));
        }

        foreach (var (key, value) in arguments)
        {
            if (!IsConfigKey(key))
            {
                errors.Add(new($"arguments.{key}", null, $"is not a configuration key (segments of letters, digits and '_' joined by ':', at most {MaxKeyLength} characters)"));
            }

            if (value is null || value.Length > MaxValueLength || value.Any(char.IsControl))
            {
                errors.Add(new($"arguments.{key}", value, $"a value is a string of at most {MaxValueLength} characters without control characters"));
            }
        }
    }

    private static void CheckModelReference(List<ContractError> errors, IReadOnlyDictionary<string, string> arguments)
    {
        var name = arguments.GetValueOrDefault(CommandTypes.NameArgument);
        var version = arguments.GetValueOrDefault(CommandTypes.VersionArgument);
        ContractChecks.Add(errors, $"arguments.{CommandTypes.NameArgument}", name, ModelManifestValidator.CheckName(name));
        ContractChecks.Add(errors, $"arguments.{CommandTypes.VersionArgument}", version, ModelManifestValidator.CheckVersion(version));
        foreach (var key in arguments.Keys.Where(k => k is not (CommandTypes.NameArgument or CommandTypes.VersionArgument)))
        {
            errors.Add(new($"arguments.{key}", null, "model.update takes only name and version"));
        }
    }
}
