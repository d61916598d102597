namespace GzAiEdge.Contracts.Messages;

/// <summary>
/// A command from the cloud to one device, on that device's <c>cmd</c> topic (QoS 1, not retained). Only the
/// cloud's broker identity may publish there and only the device may read it (the ACL from <c>gz provision</c>).
/// The cloud signs every command with its command key (<see cref="Signing.CommandSigner"/>), and the device checks
/// that signature before anything else (<see cref="Signing.CommandKeyRing"/>), so that a broker password alone
/// cannot command a device; then it checks that the command names it, has not expired, was not run before and is
/// of a type its config enables. The device answers each command with <see cref="DeviceEvent"/>s carrying its <see cref="Id"/>
/// (codes in <see cref="Commands.CommandEvents"/>).
/// </summary>
public sealed record DeviceCommand : IDeviceMessage
{
    /// <summary>Contract version.</summary>
    public required int V { get; init; }

    /// <summary>Unique id of the command (32 lowercase hex digits from the cloud); a device runs each id once.</summary>
    public required string Id { get; init; }

    /// <summary>Site id of the device the command is for.</summary>
    public required string Site { get; init; }

    /// <summary>Device id of the device the command is for.</summary>
    public required string Device { get; init; }

    /// <summary>When the cloud issued it (UTC).</summary>
    public required DateTimeOffset Issued { get; init; }

    /// <summary>After this (UTC) the device refuses the command, so that a command queued for an offline device does not run days later.</summary>
    public required DateTimeOffset Expires { get; init; }

    /// <summary>One of <see cref="Commands.CommandTypes.All"/>.</summary>
    public required string Type { get; init; }

    /// <summary>
    /// The type's arguments: for <c>config.set</c> configuration key → value; for <c>model.update</c>
    /// <c>name</c> and <c>version</c> of the manifest in the cloud's model repository; none for <c>pipeline.restart</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Arguments { get; init; }

    /// <summary>Id of the command key that signed it (<see cref="Signing.KeyId"/>); null when unsigned, which a device refuses.</summary>
    public string? Kid { get; init; }

    /// <summary>ECDSA P-256 signature (P1363, base64) over SHA-256 of the canonical bytes of everything else (<see cref="Signing.CanonicalBytes.Of(DeviceCommand)"/>).</summary>
    public string? Sig { get; init; }
}
