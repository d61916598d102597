using GzAiEdge.Contracts.Messages;

namespace GzAiEdge.Contracts.Signing;

/// <summary>Why a command's signature was refused, or that it was not.</summary>
public enum CommandSignatureStatus
{
    /// <summary>Signed by one of the keys of the ring, over exactly these fields.</summary>
    Valid,

    /// <summary>No <c>kid</c> or no <c>sig</c>.</summary>
    Unsigned,

    /// <summary>Signed, but with a key the ring does not hold.</summary>
    UnknownKey,

    /// <summary>The signature does not verify with the key its <c>kid</c> names: a field was changed after signing, or the signature is not one.</summary>
    BadSignature,
}

/// <summary>The outcome of <see cref="CommandKeyRing.Check"/>: the status and, unless valid, why, in words.</summary>
/// <param name="Status">What was found.</param>
/// <param name="Why">Empty when valid; otherwise a sentence starting with the status (<c>unsigned</c>, <c>unknown key</c>, <c>bad signature</c>).</param>
public sealed record CommandSignatureCheck(CommandSignatureStatus Status, string Why)
{
    /// <summary>Whether the command may be looked at further.</summary>
    public bool IsValid => Status == CommandSignatureStatus.Valid;
}

/// <summary>
/// The public command keys a device accepts commands from (config <c>commands: commandKeyFiles</c>). More than one
/// while the cloud's command key is rotated: the new key is added to every device, the cloud switches to it, then
/// the old one is removed. Holds nothing secret.
/// </summary>
public sealed class CommandKeyRing : IDisposable
{
    private readonly Dictionary<string, SignatureCheck> _keys;

    private CommandKeyRing(Dictionary<string, SignatureCheck> keys) => _keys = keys;

    /// <summary>The ids of the keys held, in ordinal order.</summary>
    public IReadOnlyList<string> Kids => [.. _keys.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Loads PEM public keys; throws <see cref="InvalidDataException"/> naming the file that is not a P-256 key or holds a key already loaded.</summary>
    public static CommandKeyRing FromPem(IEnumerable<(string Pem, string Source)> keys)
    {
        var ring = new Dictionary<string, SignatureCheck>(StringComparer.Ordinal);
        try
        {
            foreach (var (pem, source) in keys)
            {
                var key = SignatureCheck.FromPem(pem, source);
                if (!ring.TryAdd(key.Kid, key))
                {
                    key.Dispose();
                    throw new InvalidDataException($"{source}: command key {key.Kid} is listed twice");
                }
            }
        }
        catch
        {
            foreach (var key in ring.Values)
            {
                key.Dispose();
            }

            throw;
        }

        return new CommandKeyRing(ring);
    }

    /// <summary>Loads PEM public key files; see <see cref="FromPem"/>.</summary>
    public static CommandKeyRing FromPemFiles(IEnumerable<string> paths) => FromPem(paths.Select(p => (File.ReadAllText(p), p)));

    /// <summary>
    /// Checks that one of the ring's keys signed exactly the fields of <paramref name="command"/>. Only the signature
    /// fields are looked at before the signature itself, so nothing else of an unsigned or forged command is trusted.
    /// </summary>
    public CommandSignatureCheck Check(DeviceCommand command)
    {
        if (command.Kid is null || command.Sig is null)
        {
            return new(CommandSignatureStatus.Unsigned, "unsigned: the command carries no kid and sig; a device runs only commands signed with a command key");
        }

        if (!_keys.TryGetValue(command.Kid, out var key))
        {
            return new(CommandSignatureStatus.UnknownKey, $"unknown key: signed with key '{Shorten(command.Kid)}', which is not one of this device's command keys "
                + $"({(_keys.Count == 0 ? "it holds none" : string.Join(", ", Kids))}; commands: commandKeyFiles)");
        }

        return key.Verify(ChainHash.Compute(CanonicalBytes.Of(command)), command.Sig)
            ? new(CommandSignatureStatus.Valid, string.Empty)
            : new(CommandSignatureStatus.BadSignature, $"bad signature: does not verify with command key {key.Kid}: the command was changed after it was signed, or the signature is not one");
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }
    }

    // A forged kid may be anything; the refusal quotes only a bounded, printable part of it.
    private static string Shorten(string kid) =>
        new string([.. kid.Take(16).Select(c => char.IsAsciiLetterOrDigit(c) ? c : '?')]) + (kid.Length > 16 ? "…" : string.Empty);
}
