using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Contracts.Topics;
using GzAiEdge.Contracts.Validation;

namespace GzAiEdge.Contracts.Evidence;

/// <summary>One item an <c>evidence.fetch</c> asks for: which window (seq, report hash, bounds), which stratum, and the draw in [0, 1) that picks the input.</summary>
public sealed record EvidenceRequest(string Item, long Seq, string ReportHash, DateTimeOffset WindowStart, DateTimeOffset WindowEnd, string Stratum, double Draw);

/// <summary>
/// The arguments of an <c>evidence.fetch</c> command: <c>nonce</c>, <c>deadline</c> and one argument <c>item.N</c> per
/// requested item (<c>id seq reportHash windowStart windowEnd stratum draw</c>, space-separated, times in unix
/// milliseconds, the draw round-trip). The command as a whole is signed by the command key, so the device knows the
/// cloud asked; the draw is the cloud's, from a seed it committed to before the window opened.
/// </summary>
public static class EvidenceFetchArguments
{
    /// <summary>Most items one command carries (the command takes at most 32 arguments).</summary>
    public const int MaxItems = 28;

    /// <summary>The strata, as the arguments and uploads name them.</summary>
    public static IReadOnlyList<string> Strata { get; } = ["positive", "negative"];

    /// <summary>The arguments of a request for <paramref name="items"/>.</summary>
    public static Dictionary<string, string> Of(string nonce, DateTimeOffset deadline, IReadOnlyList<EvidenceRequest> items)
    {
        if (items.Count is 0 or > MaxItems)
        {
            throw new ArgumentException($"an evidence.fetch carries 1 to {MaxItems} items, not {items.Count}", nameof(items));
        }

        var args = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["nonce"] = nonce,
            ["deadline"] = deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        };
        for (var i = 0; i < items.Count; i++)
        {
            var r = items[i];
            args[$"item.{i}"] = string.Join(' ', r.Item, r.Seq.ToString(CultureInfo.InvariantCulture), r.ReportHash,
                r.WindowStart.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), r.WindowEnd.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                r.Stratum, r.Draw.ToString("R", CultureInfo.InvariantCulture));
        }

        return args;
    }

    /// <summary>Reads the arguments, or the errors naming each one at fault.</summary>
    public static bool TryRead(IReadOnlyDictionary<string, string>? arguments, [NotNullWhen(true)] out string? nonce, out DateTimeOffset deadline,
        out IReadOnlyList<EvidenceRequest> items, out IReadOnlyList<ContractError> errors)
    {
        var found = new List<ContractError>();
        var read = new List<EvidenceRequest>();
        var args = arguments ?? new Dictionary<string, string>();
        nonce = args.GetValueOrDefault("nonce");
        deadline = default;
        if (nonce is not { Length: >= 16 and <= 64 } || !nonce.All(char.IsAsciiHexDigitLower))
        {
            found.Add(new("arguments.nonce", nonce, "must be 16 to 64 lowercase hex digits"));
        }

        if (!long.TryParse(args.GetValueOrDefault("deadline"), NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
        {
            found.Add(new("arguments.deadline", args.GetValueOrDefault("deadline"), "must be a time in unix milliseconds"));
        }
        else
        {
            deadline = DateTimeOffset.FromUnixTimeMilliseconds(ms);
        }

        foreach (var (key, value) in args.Where(a => a.Key is not ("nonce" or "deadline")).OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            if (!key.StartsWith("item.", StringComparison.Ordinal))
            {
                found.Add(new($"arguments.{key}", null, "evidence.fetch takes only nonce, deadline and item.N"));
            }
            else if (Parse(value) is { } request)
            {
                read.Add(request);
            }
            else
            {
                found.Add(new($"arguments.{key}", value, "is not 'id seq reportHash windowStart windowEnd stratum draw' (times in unix ms, stratum positive or negative, draw in [0, 1))"));
            }
        }

        if (read.Count == 0 && found.Count == 0)
        {
            found.Add(new("arguments", null, "an evidence.fetch names at least one item.N"));
        }

        errors = found;
        items = read;
        return found.Count == 0;
    }

    private static EvidenceRequest? Parse(string value)
    {
        var parts = value.Split(' ');
        return parts.Length == 7
            && Identifiers.Check(parts[0]) is null
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seq)
            && ChainHash.IsWellFormed(parts[2])
            && long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            && long.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var end) && end > start
            && Strata.Contains(parts[5])
            && double.TryParse(parts[6], NumberStyles.Float, CultureInfo.InvariantCulture, out var draw) && draw is >= 0 and < 1
            ? new EvidenceRequest(parts[0], seq, parts[2], DateTimeOffset.FromUnixTimeMilliseconds(start), DateTimeOffset.FromUnixTimeMilliseconds(end), parts[5], draw)
            : null;
    }
}
