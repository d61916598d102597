using System.Security.Cryptography;

namespace GzAiEdge.Contracts.Signing;

/// <summary>Reads the ECDSA P-256 keys devices, the programme and the cloud's commands sign with, from PEM, for the signers and the checker alike.</summary>
internal static class P256Pem
{
    /// <summary>
    /// Imports <paramref name="pem"/>; throws <see cref="InvalidDataException"/> naming <paramref name="source"/>
    /// when it is not an ECDSA key (<paramref name="what"/> says which kind was expected) or not a 256-bit one.
    /// The caller owns the returned key.
    /// </summary>
    public static ECDsa Import(string pem, string source, string what)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
        }
        catch (ArgumentException ex)
        {
            key.Dispose();
            throw new InvalidDataException($"{source}: not a PEM ECDSA {what} ({ex.Message})", ex);
        }

        if (key.KeySize != 256)
        {
            key.Dispose();
            throw new InvalidDataException($"{source}: an ECDSA P-256 key is needed, this one has {key.KeySize} bits");
        }

        return key;
    }
}
