using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Text;
using GzAiEdge.Contracts.Validation;

namespace GzAiEdge.Contracts.Signing;

public static partial class CanonicalBytes
{
    /// <summary>
    /// The canonical bytes of a report read in place, byte for byte those of <see cref="Of(KpiReport)"/>
    /// for the same report, written into <paramref name="destination"/> without allocating. Its strings
    /// are printable ASCII without quotes or backslashes (<see cref="Utf8KpiReport.TryRead"/> takes no
    /// others), which JSON writes unescaped, so they are copied as they are.
    /// </summary>
    /// <returns>False when <paramref name="destination"/> is too small; <paramref name="written"/> is then 0.</returns>
    public static bool TryWrite(scoped in Utf8KpiReport report, Span<byte> destination, out int written)
    {
        var output = new Utf8Output(destination);
        output.Raw("{\"v\":"u8);
        output.Integer(ContractVersion.Current);
        Member(ref output, ",\"site\":\""u8, report.Site);
        Member(ref output, "\",\"device\":\""u8, report.Device);
        Member(ref output, "\",\"scenario\":\""u8, report.Scenario);
        output.Raw("\",\"seq\":"u8);
        output.Integer(report.Seq);
        output.Raw(",\"windowStart\":\""u8);
        output.UtcTime(report.WindowStartTicks);
        output.Raw("\",\"windowEnd\":\""u8);
        output.UtcTime(report.WindowEndTicks);
        output.Raw("\",\"kpis\":{"u8);
        for (var rank = 0; rank < report.KpiCount; rank++)
        {
            var kpi = report.KpiByName(rank);
            output.Raw(rank == 0 ? "\""u8 : ",\""u8);
            output.Raw(report.KpiName(kpi));
            output.Raw("\":"u8);
            output.Raw(report.KpiValueText(kpi));
        }

        output.Byte((byte)'}');
        if (!report.ModelName.IsEmpty)
        {
            Member(ref output, ",\"model\":{\"name\":\""u8, report.ModelName);
            Member(ref output, "\",\"version\":\""u8, report.ModelVersion);
            Member(ref output, "\",\"sha256\":\""u8, report.ModelSha256);
            output.Raw("\"}"u8);
        }

        Optional(ref output, ",\"prev\":\""u8, report.Prev);
        Optional(ref output, ",\"kid\":\""u8, report.Kid);
        output.Byte((byte)'}');
        written = output.Overflowed ? 0 : output.Written;
        return !output.Overflowed;
    }

    private static void Member(ref Utf8Output output, ReadOnlySpan<byte> before, ReadOnlySpan<byte> value)
    {
        output.Raw(before);
        output.Raw(value);
    }

    private static void Optional(ref Utf8Output output, ReadOnlySpan<byte> before, ReadOnlySpan<byte> value)
    {
        if (!value.IsEmpty)
        {
            Member(ref output, before, value);
            output.Byte((byte)'"');
        }
    }
}
