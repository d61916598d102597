namespace GzAiEdge.Contracts.Validation;

/// <summary>
/// A KPI report read in place from its UTF-8 JSON payload, for the ingestion hot path: strings are
/// slices of the payload, KPIs live in caller-provided storage, nothing is allocated.
/// </summary>
/// <remarks>
/// <see cref="TryRead"/> takes the plain spelling devices send (strings of printable ASCII, escaped or
/// not, but without quotes or backslashes; each member once; UTC times ending in <c>Z</c> or <c>+00:00</c>) and checks every rule of
/// <see cref="KpiReportValidator"/>. Anything else makes it return false without saying why: the caller
/// then reads the payload with <see cref="MessageReader"/>, which accepts the same report in any other
/// spelling or names what is wrong. So true means: <see cref="MessageReader"/> would accept this report
/// with exactly these values. Site and device against the topic, the catalogue and storage limits are the caller's.
/// </remarks>
public ref struct Utf8KpiReport
{
    // The longest shortest-round-trip double ("-1.7976931348623157E+308") for every KPI.
    private const int ValueTextBytes = KpiReportValidator.MaxKpis * 24;

    internal ReadOnlySpan<byte> Payload;
    internal Span<Utf8Kpi> Entries;
    internal ReadOnlySpan<byte> Texts;

    /// <summary>Site id (checked as an identifier).</summary>
    public ReadOnlySpan<byte> Site { get; internal set; }

    /// <summary>Device id (checked as an identifier).</summary>
    public ReadOnlySpan<byte> Device { get; internal set; }

    /// <summary>Scenario id (checked as an identifier).</summary>
    public ReadOnlySpan<byte> Scenario { get; internal set; }

    /// <summary>The sequence number, 1 or more.</summary>
    public long Seq { get; internal set; }

    /// <summary>Window start as UTC <see cref="DateTime.Ticks"/>.</summary>
    public long WindowStartTicks { get; internal set; }

    /// <summary>Window end as UTC <see cref="DateTime.Ticks"/>; after the start, at most a day later.</summary>
    public long WindowEndTicks { get; internal set; }

    /// <summary>How many KPIs (1 to <see cref="KpiReportValidator.MaxKpis"/>).</summary>
    public int KpiCount { get; internal set; }

    /// <summary>Model name, version and SHA-256; all empty when the report names no model.</summary>
    public ReadOnlySpan<byte> ModelName { get; internal set; }

    /// <inheritdoc cref="ModelName"/>
    public ReadOnlySpan<byte> ModelVersion { get; internal set; }

    /// <inheritdoc cref="ModelName"/>
    public ReadOnlySpan<byte> ModelSha256 { get; internal set; }

    /// <summary>The chain link, the key id and the signature; each empty when absent (never present but empty).</summary>
    public ReadOnlySpan<byte> Prev { get; internal set; }

    /// <inheritdoc cref="Prev"/>
    public ReadOnlySpan<byte> Kid { get; internal set; }

    /// <inheritdoc cref="Prev"/>
    public ReadOnlySpan<byte> Sig { get; internal set; }

    /// <summary>Scratch bytes <see cref="TryRead"/> needs for a payload of <paramref name="payloadLength"/> bytes: value texts and unescaped strings.</summary>
    public static int ScratchLength(int payloadLength) => ValueTextBytes + payloadLength;

    /// <summary>
    /// Reads and validates a report. <paramref name="kpis"/> needs <see cref="KpiReportValidator.MaxKpis"/>
    /// entries and <paramref name="scratch"/> <see cref="ScratchLength"/> bytes; both, like
    /// <paramref name="payload"/>, must outlive the report. False: read it with <see cref="MessageReader"/> instead.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> payload, Span<Utf8Kpi> kpis, Span<byte> scratch, out Utf8KpiReport report)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(kpis.Length, KpiReportValidator.MaxKpis, nameof(kpis));
        ArgumentOutOfRangeException.ThrowIfLessThan(scratch.Length, ScratchLength(payload.Length), nameof(scratch));
        var reader = new Utf8KpiReportReader(payload, kpis, scratch)
        {
            Report = new Utf8KpiReport { Payload = payload, Entries = kpis, Texts = scratch },
        };
        var read = reader.TryRead();
        report = reader.Report;
        return read;
    }

    /// <summary>The name of KPI <paramref name="index"/> (in payload order).</summary>
    public readonly ReadOnlySpan<byte> KpiName(int index) => Payload.Slice(Entries[index].NameStart, Entries[index].NameLength);

    /// <summary>The value of KPI <paramref name="index"/>, finite (parsed from its text when asked: the hot path needs only the text).</summary>
    public readonly double KpiValue(int index)
    {
        System.Buffers.Text.Utf8Parser.TryParse(KpiValueText(index), out double value, out _);
        return value;
    }

    /// <summary>The value of KPI <paramref name="index"/> in its shortest round-trip form (.NET "R"), as canonical bytes and line protocol write it.</summary>
    public readonly ReadOnlySpan<byte> KpiValueText(int index) => Texts.Slice(Entries[index].TextStart, Entries[index].TextLength);

    /// <summary>The index of the KPI at <paramref name="rank"/> in ordinal name order (names are unique).</summary>
    public readonly int KpiByName(int rank) => Entries[rank].Ordered;
}
