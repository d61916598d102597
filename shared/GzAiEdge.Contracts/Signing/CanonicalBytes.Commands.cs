using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;

namespace GzAiEdge.Contracts.Signing;

public static partial class CanonicalBytes
{
    // The wire's own settings (camelCase, absent members left out), escaping only where JSON requires it, as in
    // every canonical form.
    private static readonly GzJsonContext Commands = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>
    /// Canonical bytes of a command: every member of <see cref="DeviceCommand"/> in the order the record declares
    /// them (<c>v, id, site, device, issued, expires, type, arguments, kid</c> today), <c>sig</c> left out, absent
    /// members left out, arguments in ordinal key order (no arguments and an empty object are the same command).
    /// Taken from the record's own serialization rather than from a list of members, so that a member a new
    /// command type adds is signed with the rest without anyone remembering to add it here.
    /// </summary>
    public static byte[] Of(DeviceCommand command)
    {
        var arguments = command.Arguments is { Count: > 0 } given
            ? new SortedDictionary<string, string>(given.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal), StringComparer.Ordinal)
            : null;
        return JsonSerializer.SerializeToUtf8Bytes(command with { Arguments = arguments, Sig = null }, Commands.DeviceCommand);
    }
}
