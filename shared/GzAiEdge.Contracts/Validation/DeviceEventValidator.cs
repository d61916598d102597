using System.Globalization;
using GzAiEdge.Contracts.Messages;

namespace GzAiEdge.Contracts.Validation;

/// <summary>
/// The bounds of a device event: events are free text from the device, stored and shown as they are, so each field
/// has a length limit that ingestion holds devices to. A device makes its own events fit (<see cref="Fit"/>) rather
/// than have them refused.
/// </summary>
public static class DeviceEventValidator
{
    /// <summary>Longest <see cref="DeviceEvent.Level"/>.</summary>
    public const int MaxLevelLength = 16;

    /// <summary>Longest <see cref="DeviceEvent.Code"/>.</summary>
    public const int MaxCodeLength = 64;

    /// <summary>Longest <see cref="DeviceEvent.Message"/>, in characters.</summary>
    public const int MaxMessageLength = 4096;

    /// <summary>Longest <see cref="DeviceEvent.CommandId"/> (a command id is an identifier).</summary>
    public const int MaxCommandIdLength = Topics.Identifiers.MaxLength;

    /// <summary>Checks every field's length and the time; an empty list means the event is within bounds.</summary>
    public static IReadOnlyList<ContractError> Validate(DeviceEvent deviceEvent)
    {
        var errors = new List<ContractError>();
        ContractChecks.Utc(errors, "time", deviceEvent.Time);
        Length(errors, "level", deviceEvent.Level, MaxLevelLength);
        Length(errors, "code", deviceEvent.Code, MaxCodeLength);
        Length(errors, "message", deviceEvent.Message, MaxMessageLength);
        Length(errors, "commandId", deviceEvent.CommandId, MaxCommandIdLength);
        return errors;
    }

    /// <summary>
    /// The event with a message cut to <see cref="MaxMessageLength"/> characters, the cut said at its end, so that a
    /// long error text (an ONNX Runtime failure, a list of config errors) reaches the cloud rather than being refused.
    /// </summary>
    public static DeviceEvent Fit(DeviceEvent deviceEvent)
    {
        if (deviceEvent.Message.Length <= MaxMessageLength)
        {
            return deviceEvent;
        }

        var marker = string.Create(CultureInfo.InvariantCulture, $" … ({deviceEvent.Message.Length} characters, cut)");
        var keep = MaxMessageLength - marker.Length;
        if (char.IsHighSurrogate(deviceEvent.Message[keep - 1]))
        {
            keep--;
        }

        return deviceEvent with { Message = string.Concat(deviceEvent.Message.AsSpan(0, keep), marker) };
    }

    private static void Length(List<ContractError> errors, string field, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            // The value itself is what is too long: the error names its length and start, not all of it.
            errors.Add(new(field, $"{value[..Math.Min(value.Length, 32)]}…", string.Create(CultureInfo.InvariantCulture, $"is {value.Length} characters long; at most {max} are taken")));
        }
    }
}
