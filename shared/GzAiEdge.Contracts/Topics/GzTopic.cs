using System.Diagnostics.CodeAnalysis;

namespace GzAiEdge.Contracts.Topics;

/// <summary>
/// A topic of the v1 scheme, <c>gz/v1/{site}/{device}/{kind}</c>. Site and device ids are
/// 1–64 characters of <c>a-z 0-9 - _</c>, starting with a letter or digit, so that they are
/// safe as MQTT topic levels, InfluxDB tags, file names and URL segments alike.
/// </summary>
public readonly record struct GzTopic(string Site, string Device, MessageKind Kind)
{
    /// <summary>The first two levels of every v1 topic.</summary>
    public const string Prefix = "gz/v1/";

    /// <summary>The shared subscription ingestion instances join, so that they split the load.</summary>
    public const string IngestionSubscription = "$share/gz-ingest/gz/v1/+/+/+";

    /// <summary>Builds a topic, throwing <see cref="ArgumentException"/> naming the bad segment.</summary>
    public static GzTopic Create(string site, string device, MessageKind kind)
    {
        ThrowIfInvalidId(site, nameof(site));
        ThrowIfInvalidId(device, nameof(device));
        return new GzTopic(site, device, kind);
    }

    /// <summary>Parses a topic; on failure <paramref name="error"/> says which segment is wrong and why.</summary>
    public static bool TryParse(string topic, out GzTopic parsed, [NotNullWhen(false)] out string? error)
    {
        parsed = default;
        var parts = topic.Split('/');
        if (parts.Length != 5 || parts[0] != "gz" || parts[1] != "v1")
        {
            error = $"topic '{topic}' is not of the form gz/v1/{{site}}/{{device}}/{{kind}}";
            return false;
        }

        if (Identifiers.Check(parts[2]) is { } siteError)
        {
            error = $"topic '{topic}': site {siteError}";
            return false;
        }

        if (Identifiers.Check(parts[3]) is { } deviceError)
        {
            error = $"topic '{topic}': device {deviceError}";
            return false;
        }

        if (!TryParseKind(parts[4], out var kind))
        {
            error = $"topic '{topic}': kind '{parts[4]}' is not one of {string.Join(", ", Enum.GetValues<MessageKind>().Select(KindSegment))}";
            return false;
        }

        parsed = new GzTopic(parts[2], parts[3], kind);
        error = null;
        return true;
    }

    /// <summary>The topic string, e.g. <c>gz/v1/tianhe-01/cam-03/kpi</c>.</summary>
    public override string ToString() => $"{Prefix}{Site}/{Device}/{KindSegment(Kind)}";

    /// <summary>The topic level for a kind.</summary>
    public static string KindSegment(MessageKind kind) => kind switch
    {
        MessageKind.Kpi => "kpi",
        MessageKind.Heartbeat => "heartbeat",
        MessageKind.Event => "event",
        MessageKind.State => "state",
        MessageKind.Cmd => "cmd",
        MessageKind.Checkpoint => "checkpoint",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown message kind"),
    };

    private static bool TryParseKind(string segment, out MessageKind kind)
    {
        foreach (var candidate in Enum.GetValues<MessageKind>())
        {
            if (KindSegment(candidate) == segment)
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    private static void ThrowIfInvalidId(string value, string name)
    {
        if (Identifiers.Check(value) is { } error)
        {
            throw new ArgumentException($"{name} {error}", name);
        }
    }
}
