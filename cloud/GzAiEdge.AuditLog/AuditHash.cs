using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace GzAiEdge.AuditLog;

/// <summary>
/// The chain: each entry's hash is SHA-256 over the previous hash (hex) and the entry's canonical bytes, a JSON array
/// of every field in a fixed order with the time in round-trip form. Changing any field of any entry, or deleting one,
/// changes every hash after it.
/// </summary>
public static class AuditHash
{
    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>The hash of an entry with these fields after <paramref name="prev"/>.</summary>
    public static string Of(string prev, long seq, DateTimeOffset time, AuditRecord r)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            json.WriteStringValue(prev);
            json.WriteNumberValue(seq);
            json.WriteStringValue(time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            foreach (var field in new[] { r.Actor, r.ActorKind, r.Action, r.Target, r.Outcome, r.From, r.Details })
            {
                if (field is null)
                {
                    json.WriteNullValue();
                }
                else
                {
                    json.WriteStringValue(field);
                }
            }

            json.WriteEndArray();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }
}
