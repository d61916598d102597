using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace GzAiEdge.FieldAudits.Sampling;

/// <summary>
/// The draws that pick a field-audit sample, from the period's seed and public data only: the device, the window's
/// report (its seq and the SHA-256 it was stored with), the stratum and the draw's number. Each draw is
/// HMAC-SHA256(seed, "gz-field-sample/1\n{site}\n{device}\n{seq}\n{reportHash}\n{stratum}\n{j}"), its first 8 bytes big-endian,
/// top 53 bits over 2⁵³: a number in [0, 1). The device takes input ⌊draw × n⌋ of the n inputs of that stratum its ring
/// holds for the window, oldest first. Before the window's report exists nobody can compute the draw, and the seed was
/// committed (its SHA-256 published) before the period began, so neither the device nor the cloud could steer it;
/// once the seed is revealed anyone re-derives every draw (<c>gz field-audit derive</c>).
/// </summary>
public static class SampleDraw
{
    /// <summary>The format of the HMAC message, versioned so a change can never pass for the old draws.</summary>
    public const string Format = "gz-field-sample/1";

    /// <summary>The draw for one item.</summary>
    public static double Derive(string seedHex, string site, string device, long seq, string reportHash, string stratum, int j)
    {
        var message = Encoding.UTF8.GetBytes(string.Join('\n', Format, site, device, seq.ToString(CultureInfo.InvariantCulture), reportHash, stratum, j.ToString(CultureInfo.InvariantCulture)));
        var mac = HMACSHA256.HashData(Convert.FromHexString(seedHex), message);
        return (BinaryPrimitives.ReadUInt64BigEndian(mac) >> 11) / (double)(1UL << 53);
    }

    /// <summary>The commitment to a seed: its SHA-256, lowercase hex.</summary>
    public static string Commitment(string seedHex) => Convert.ToHexStringLower(SHA256.HashData(Convert.FromHexString(seedHex)));

    /// <summary>A new seed: 32 random bytes, lowercase hex.</summary>
    public static string NewSeed() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>The id of the item a draw makes: the same period, device, window, stratum and number give the same id.</summary>
    public static string ItemId(string period, string site, string device, long seq, string stratum, int j) =>
        "fi-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{period}/{site}/{device}/{seq}/{stratum}/{j}")))[..20];
}
