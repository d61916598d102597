using System.Security.Cryptography;
using System.Text;

namespace GzAiEdge.Cli.Provisioning;

/// <summary>
/// Password file lines in Mosquitto 2.0's own format, the one <c>mosquitto_passwd</c> writes:
/// <c>user:$7$101$base64(salt)$base64(PBKDF2-HMAC-SHA512(password, salt, 101 iterations, 64 bytes))</c>
/// with a 12-byte random salt. Made here so provisioning needs no broker tools on the machine.
/// </summary>
internal static class MosquittoPasswords
{
    private const int Iterations = 101;

    public static string Line(string username, string password)
    {
        var salt = RandomNumberGenerator.GetBytes(12);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA512, 64);
        return $"{username}:$7${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    /// <summary>A random password of 32 URL-safe characters (192 bits).</summary>
    public static string NewPassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
}
