using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Validation;

namespace GzAiEdge.Contracts.Audits;

/// <summary>
/// An <see cref="AuditManifest"/> as the arguments of an <c>audit.run</c> command: one argument per field, numbers in
/// invariant culture, times as round-trip UTC. The command carries the signed manifest whole, so the device verifies
/// exactly what the cloud signed.
/// </summary>
public static class AuditArguments
{
    /// <summary>The argument names, in the order of the manifest's fields.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["audit", "testSet", "version", "pipeline", "items", "sha256", "size", "url", "nonce", "seed", "deadline", "created", "kid", "sig"];

    /// <summary>The manifest's fields as command arguments (site and device are the command's own).</summary>
    public static Dictionary<string, string> Of(AuditManifest m) => new(StringComparer.Ordinal)
    {
        ["audit"] = m.Audit,
        ["testSet"] = m.TestSet,
        ["version"] = m.Version,
        ["pipeline"] = m.Pipeline,
        ["items"] = m.Items.ToString(CultureInfo.InvariantCulture),
        ["sha256"] = m.Sha256,
        ["size"] = m.Size.ToString(CultureInfo.InvariantCulture),
        ["url"] = m.Url,
        ["nonce"] = m.Nonce,
        ["seed"] = m.Seed.ToString(CultureInfo.InvariantCulture),
        ["deadline"] = Time(m.Deadline),
        ["created"] = Time(m.Created),
        ["kid"] = m.Kid ?? string.Empty,
        ["sig"] = m.Sig ?? string.Empty,
    };

    /// <summary>
    /// The manifest a command's arguments carry for <paramref name="site"/>/<paramref name="device"/>, well formed (its
    /// signature is the caller's to verify), or the errors naming each argument at fault.
    /// </summary>
    public static bool TryRead(IReadOnlyDictionary<string, string>? arguments, string site, string device,
        [NotNullWhen(true)] out AuditManifest? manifest, out IReadOnlyList<ContractError> errors)
    {
        manifest = null;
        var found = new List<ContractError>();
        var args = arguments ?? new Dictionary<string, string>();
        foreach (var missing in Names.Where(n => !args.ContainsKey(n)))
        {
            found.Add(new($"arguments.{missing}", null, "is missing"));
        }

        foreach (var extra in args.Keys.Where(k => !Names.Contains(k, StringComparer.Ordinal)))
        {
            found.Add(new($"arguments.{extra}", null, $"audit.run takes only {string.Join(", ", Names)}"));
        }

        if (found.Count > 0)
        {
            errors = found;
            return false;
        }

        var read = new AuditManifest
        {
            V = ContractVersion.Current,
            Audit = args["audit"],
            Site = site,
            Device = device,
            TestSet = args["testSet"],
            Version = args["version"],
            Pipeline = args["pipeline"],
            Items = Parse<int>(found, args, "items", int.TryParse),
            Sha256 = args["sha256"],
            Size = Parse<long>(found, args, "size", long.TryParse),
            Url = args["url"],
            Nonce = args["nonce"],
            Seed = Parse<long>(found, args, "seed", long.TryParse),
            Deadline = ParseTime(found, args, "deadline"),
            Created = ParseTime(found, args, "created"),
            Kid = args["kid"] is { Length: > 0 } kid ? kid : null,
            Sig = args["sig"] is { Length: > 0 } sig ? sig : null,
        };
        found.AddRange(found.Count == 0 ? AuditManifestValidator.Validate(read).Select(e => e with { Field = $"arguments.{e.Field}" }) : []);
        errors = found;
        manifest = found.Count == 0 ? read : null;
        return manifest is not null;
    }

    private delegate bool Parser<T>(string? text, NumberStyles style, IFormatProvider provider, out T value);

    private static T Parse<T>(List<ContractError> errors, IReadOnlyDictionary<string, string> args, string name, Parser<T> parse)
        where T : struct
    {
        if (parse(args[name], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(new($"arguments.{name}", args[name], "is not a whole number"));
        return default;
    }

    private static DateTimeOffset ParseTime(List<ContractError> errors, IReadOnlyDictionary<string, string> args, string name)
    {
        if (DateTimeOffset.TryParseExact(args[name], "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        errors.Add(new($"arguments.{name}", args[name], "is not a round-trip time such as 2026-03-01T10:00:00.0000000+00:00"));
        return default;
    }

    private static string Time(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
