using System.Buffers;
using System.Text;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Contracts.Text;
using GzAiEdge.Contracts.Topics;
using GzAiEdge.Contracts.Validation;
using GzAiEdge.Ingestion.Bounds;
using GzAiEdge.Scenarios.Catalogue;
using GzAiEdge.TimeSeries;

namespace GzAiEdge.Ingestion;

/// <summary>
/// The hot path of ingestion: a KPI report's point straight from its payload into the batch's line
/// protocol, with its chain hash, and nothing allocated. It writes byte for byte what
/// <see cref="MessageMapper"/>, <see cref="StoredSchema.Kpi"/> and the line protocol writer write for the same
/// report (tests hold the two paths together); what it does not take, because the report is spelled
/// unusually, is invalid, names an unknown scenario or one that does not list the device, or falls outside the
/// time bounds (<see cref="ReportBounds"/>), goes that general way and gets its reason there.
/// One per batch encoder: not thread-safe.
/// </summary>
public sealed class KpiLineWriter : IDisposable
{
    private const string TopicPrefix = GzTopic.Prefix;
    private const string TopicSuffix = "/kpi";
    private readonly Dictionary<string, byte[]> _sectorTags = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]>.AlternateLookup<ReadOnlySpan<char>> _sectorLookup;
    private readonly Utf8Kpi[] _kpis = new Utf8Kpi[KpiReportValidator.MaxKpis];
    private readonly ChainHasher _hasher = new();
    private byte[] _scratch = new byte[Utf8KpiReport.ScratchLength(4096)];
    private readonly ReportBounds _bounds;
    private byte[] _canonical = new byte[4096];

    public KpiLineWriter(ScenarioCatalogue catalogue, ReportBounds bounds)
    {
        _bounds = bounds;
        foreach (var scenario in catalogue.All)
        {
            // Sector tags are lower-case enum names: nothing in them needs escaping in a tag value.
            _sectorTags[scenario.Id] = Encoding.UTF8.GetBytes($",sector={scenario.SectorTag}");
        }

        _sectorLookup = _sectorTags.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Appends the report's line; false (nothing written) when the general path must decide.</summary>
    public bool TryWrite(string topic, ReadOnlySpan<byte> payload, IBufferWriter<byte> output)
    {
        if (_scratch.Length < Utf8KpiReport.ScratchLength(payload.Length))
        {
            _scratch = new byte[Utf8KpiReport.ScratchLength(payload.Length)];
        }

        Span<byte> hash = stackalloc byte[ChainHash.Length];
        if (!TrySplitKpiTopic(topic, out var site, out var device)
            || !Utf8KpiReport.TryRead(payload, _kpis, _scratch, out var report)
            || !Same(site, report.Site) || !Same(device, report.Device)
            || !TryGetSectorTag(report.Scenario, out var sectorTag) || !_bounds.Accepts(report)
            || !LinePoint.TryToUnixNanoseconds(report.WindowStartTicks, out var start) || !LinePoint.TryToUnixNanoseconds(report.WindowEndTicks, out var end))
        {
            return false;
        }

        int canonicalLength;
        while (!CanonicalBytes.TryWrite(report, _canonical, out canonicalLength))
        {
            _canonical = new byte[_canonical.Length * 2];
        }

        _hasher.Compute(_canonical.AsSpan(0, canonicalLength), hash);
        for (var room = payload.Length + _scratch.Length + 512; ; room *= 2)
        {
            scoped var line = new Utf8Output(output.GetSpan(room));
            Write(ref line, report, sectorTag, hash, start, end);
            if (!line.Overflowed)
            {
                output.Advance(line.Written);
                return true;
            }
        }
    }

    public void Dispose() => _hasher.Dispose();

    // StoredSchema.Kpi's tags sorted by key (device, scenario, sector, site) and fields in its order; every string
    // here is printable ASCII without quotes, backslashes, commas, '=' or spaces, so nothing needs escaping.
    private static void Write(ref Utf8Output line, scoped in Utf8KpiReport report, ReadOnlySpan<byte> sectorTag, ReadOnlySpan<byte> hash,
        long start, long end)
    {
        line.Raw("kpi,device="u8);
        line.Raw(report.Device);
        line.Raw(",scenario="u8);
        line.Raw(report.Scenario);
        line.Raw(sectorTag);
        line.Raw(",site="u8);
        line.Raw(report.Site);
        line.Raw(" seq="u8);
        line.Integer(report.Seq);
        line.Raw("i,window_start_ns="u8);
        line.Integer(start);
        line.Raw("i,hash=\""u8);
        line.Raw(hash);
        line.Byte((byte)'"');
        StringField(ref line, ",prev=\""u8, report.Prev);
        StringField(ref line, ",kid=\""u8, report.Kid);
        StringField(ref line, ",sig=\""u8, report.Sig);
        StringField(ref line, ",model_name=\""u8, report.ModelName);
        StringField(ref line, ",model_version=\""u8, report.ModelVersion);
        StringField(ref line, ",model_sha256=\""u8, report.ModelSha256);
        for (var i = 0; i < report.KpiCount; i++)
        {
            line.Byte((byte)',');
            line.Raw(report.KpiName(i));
            line.Byte((byte)'=');
            line.Raw(report.KpiValueText(i));
        }

        if (!report.ModelName.IsEmpty)
        {
            line.Raw(",model=\""u8);
            line.Raw(report.ModelName);
            line.Byte((byte)'@');
            line.Raw(report.ModelVersion);
            line.Byte((byte)'"');
        }

        line.Byte((byte)' ');
        line.Integer(end);
        line.Byte((byte)'\n');
    }

    private static void StringField(ref Utf8Output line, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        if (!value.IsEmpty)
        {
            line.Raw(key);
            line.Raw(value);
            line.Byte((byte)'"');
        }
    }

    /// <summary>
    /// Site and device of a <c>gz/v1/{site}/{device}/kpi</c> topic. They are not checked here: <see cref="TryWrite"/>
    /// takes the report only when they equal its site and device, which the reader checked as identifiers (so
    /// neither holds a further '/').
    /// </summary>
    private static bool TrySplitKpiTopic(string topic, out ReadOnlySpan<char> site, out ReadOnlySpan<char> device)
    {
        site = device = default;
        var span = topic.AsSpan();
        if (!span.StartsWith(TopicPrefix, StringComparison.Ordinal) || !span.EndsWith(TopicSuffix, StringComparison.Ordinal)
            || span.Length < TopicPrefix.Length + TopicSuffix.Length)
        {
            return false;
        }

        var middle = span[TopicPrefix.Length..^TopicSuffix.Length];
        var slash = middle.IndexOf('/');
        if (slash < 0)
        {
            return false;
        }

        site = middle[..slash];
        device = middle[(slash + 1)..];
        return true;
    }

    private static bool Same(ReadOnlySpan<char> chars, ReadOnlySpan<byte> ascii)
    {
        if (chars.Length != ascii.Length)
        {
            return false;
        }

        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] != ascii[i])
            {
                return false;
            }
        }

        return true;
    }

    private bool TryGetSectorTag(ReadOnlySpan<byte> scenario, out byte[] tag)
    {
        Span<char> chars = stackalloc char[Identifiers.MaxLength];
        for (var i = 0; i < scenario.Length; i++)
        {
            chars[i] = (char)scenario[i];
        }

        return _sectorLookup.TryGetValue(chars[..scenario.Length], out tag!);
    }
}
