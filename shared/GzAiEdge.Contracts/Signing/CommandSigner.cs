using System.Security.Cryptography;
using GzAiEdge.Contracts.Messages;

namespace GzAiEdge.Contracts.Signing;

/// <summary>
/// The cloud's command key, an ECDSA P-256 key of its own (never the programme key that signs models, nor a
/// device's): every <see cref="DeviceCommand"/> the cloud sends is signed with it, whatever its type. Devices hold
/// only public halves (<see cref="CommandKeyRing"/>), several at once while a key is being rotated.
/// </summary>
public sealed class CommandSigner : P256Signer
{
    private CommandSigner(ECDsa key)
        : base(key)
    {
    }

    /// <summary>Loads a PEM private key (PKCS#8 or SEC1); throws <see cref="InvalidDataException"/> naming the file when it is not a P-256 key.</summary>
    public static CommandSigner FromPemFile(string path) => new(P256Pem.Import(File.ReadAllText(path), path, "command private key"));

    /// <summary>Creates a fresh P-256 key pair (for provisioning and tests).</summary>
    public static CommandSigner Create() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256));

    /// <summary>Sets <c>kid</c> and <c>sig</c> on <paramref name="command"/>.</summary>
    public DeviceCommand Sign(DeviceCommand command)
    {
        var unsigned = command with { Kid = Kid, Sig = null };
        return unsigned with { Sig = SignBytes(CanonicalBytes.Of(unsigned)) };
    }
}
