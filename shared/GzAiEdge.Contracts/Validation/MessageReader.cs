using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Topics;

namespace GzAiEdge.Contracts.Validation;

/// <summary>Turns payload bytes from outside into a valid message, or into errors that say why not.</summary>
public static class MessageReader
{
    /// <summary>Parses and validates a KPI report. Never throws for bad input.</summary>
    public static bool TryReadKpiReport(ReadOnlySpan<byte> payload,
        [NotNullWhen(true)] out KpiReport? report, out IReadOnlyList<ContractError> errors) =>
        TryReadChecked(payload, GzJsonContext.Default.KpiReport, KpiReportValidator.Validate, out report, out errors);

    /// <summary>
    /// Parses a model manifest and checks its shape; whether the programme signed it is
    /// <see cref="ModelManifestValidator.Verify"/>'s job. Never throws for bad input.
    /// </summary>
    public static bool TryReadManifest(ReadOnlySpan<byte> payload,
        [NotNullWhen(true)] out ModelManifest? manifest, out IReadOnlyList<ContractError> errors) =>
        TryReadChecked(payload, GzJsonContext.Default.ModelManifest, ModelManifestValidator.Validate, out manifest, out errors);

    /// <summary>
    /// Parses an audit answer and checks its shape; whether the device signed it is <see cref="AuditAnswerValidator.Verify"/>'s
    /// job, and whether it answers its audit the cloud's. Never throws for bad input.
    /// </summary>
    public static bool TryReadAuditAnswer(ReadOnlySpan<byte> payload,
        [NotNullWhen(true)] out AuditAnswer? answer, out IReadOnlyList<ContractError> errors) =>
        TryReadChecked(payload, GzJsonContext.Default.AuditAnswer, AuditAnswerValidator.Validate, out answer, out errors);

    /// <summary>Parses and checks an evidence upload (not its signature: <see cref="EvidenceUploadValidator.Verify"/>).</summary>
    public static bool TryReadEvidenceUpload(ReadOnlySpan<byte> payload,
        [NotNullWhen(true)] out Evidence.EvidenceUpload? upload, out IReadOnlyList<ContractError> errors) =>
        TryReadChecked(payload, GzJsonContext.Default.EvidenceUpload, EvidenceUploadValidator.Validate, out upload, out errors);

    /// <summary>
    /// Parses a message of any kind that arrived on <paramref name="topic"/> and checks what all
    /// kinds share: the contract version, and that site and device are those of the topic (a device
    /// may speak only for itself, and a command is for the device of its topic). KPI reports, checkpoints and
    /// commands get their own, fuller rules on top.
    /// </summary>
    public static bool TryRead<T>(ReadOnlySpan<byte> payload, JsonTypeInfo<T> typeInfo, GzTopic topic,
        [NotNullWhen(true)] out T? message, out IReadOnlyList<ContractError> errors)
        where T : class, IDeviceMessage =>
        TryReadChecked(payload, typeInfo, m => CheckAgainstTopic(m, topic), out message, out errors);

    /// <summary>
    /// Parses a message checking nothing but its JSON shape, for a reader that must check something else before its
    /// content: a device checks a command's signature first, then <see cref="Check"/>. Never throws for bad input.
    /// </summary>
    public static bool TryParse<T>(ReadOnlySpan<byte> payload, JsonTypeInfo<T> typeInfo,
        [NotNullWhen(true)] out T? message, out IReadOnlyList<ContractError> errors)
        where T : class =>
        TryReadChecked(payload, typeInfo, _ => [], out message, out errors);

    /// <summary>What <see cref="TryRead"/> checks once a message is parsed; an empty list means it passed.</summary>
    public static IReadOnlyList<ContractError> Check(IDeviceMessage message, GzTopic topic) => CheckAgainstTopic(message, topic);

    private static List<ContractError> CheckAgainstTopic(IDeviceMessage message, GzTopic topic)
    {
        var found = new List<ContractError>();
        ContractChecks.Version(found, message.V);

        if (message.Site != topic.Site)
        {
            found.Add(new("site", message.Site, $"differs from the topic's site '{topic.Site}'"));
        }

        if (message.Device != topic.Device)
        {
            found.Add(new("device", message.Device, $"differs from the topic's device '{topic.Device}'"));
        }

        if (message is KpiReport report)
        {
            found.AddRange(KpiReportValidator.Validate(report).Where(e => e.Field is not ("v" or "site" or "device")));
        }
        else if (message is Checkpoint checkpoint)
        {
            found.AddRange(CheckpointValidator.Validate(checkpoint));
        }
        else if (message is DeviceCommand command)
        {
            found.AddRange(DeviceCommandValidator.Validate(command).Where(e => e.Field is not ("v" or "site" or "device")));
        }
        else if (message is Heartbeat heartbeat)
        {
            found.AddRange(HeartbeatValidator.Validate(heartbeat));
        }
        else if (message is DeviceEvent deviceEvent)
        {
            found.AddRange(DeviceEventValidator.Validate(deviceEvent));
        }

        return found;
    }

    private static bool TryReadChecked<T>(ReadOnlySpan<byte> payload, JsonTypeInfo<T> typeInfo, Func<T, IReadOnlyList<ContractError>> validate,
        [NotNullWhen(true)] out T? message, out IReadOnlyList<ContractError> errors)
        where T : class
    {
        message = null;
        try
        {
            message = JsonSerializer.Deserialize(payload, typeInfo);
        }
        catch (JsonException ex)
        {
            errors = [new("payload", null, Describe(ex))];
            return false;
        }

        if (message is null)
        {
            errors = [new("payload", "null", "is not a JSON object")];
            return false;
        }

        errors = validate(message);
        if (errors.Count > 0)
        {
            message = null;
            return false;
        }

        return true;
    }

    private static string Describe(JsonException ex)
    {
        // The serializer's message names the path and position; the inner exception is the reader's
        // own, which is more precise for malformed UTF-8 or JSON syntax.
        var where = ex.Path is null ? string.Empty : $" at {ex.Path}";
        var position = ex.LineNumber is { } line ? $" (line {line + 1}, byte {ex.BytePositionInLine + 1})" : string.Empty;
        var message = ex.InnerException?.Message ?? ex.Message;
        return $"invalid JSON{where}{position}: {message}";
    }
}
