using System.Globalization;
using System.Net;
using GzAiEdge.Scenarios.Scoring;

namespace GzAiEdge.Evaluation.Reports;

/// <summary>The text helpers every HTML report part uses: escaping, invariant numbers, shares, times and intervals.</summary>
internal static class Html
{
    public static string Share(double? value) => value is { } v ? v.ToString("0.00%", CultureInfo.InvariantCulture) : "-";

    public static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Join(IEnumerable<string> values) => string.Join(", ", values);

    public static string E(string text) => WebUtility.HtmlEncode(text);

    public static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>[low, high]</c> in <paramref name="format"/>, or empty when there is no interval.</summary>
    public static string Range(Interval? interval, string format) =>
        interval is { } i ? $" [{i.Low.ToString(format, CultureInfo.InvariantCulture)}, {i.High.ToString(format, CultureInfo.InvariantCulture)}]" : string.Empty;
}
