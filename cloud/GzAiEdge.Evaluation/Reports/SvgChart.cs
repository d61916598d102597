using System.Globalization;
using System.Net;
using System.Text;
using GzAiEdge.Scenarios.Catalogue;
using GzAiEdge.Scenarios.Types;

namespace GzAiEdge.Evaluation.Reports;

/// <summary>
/// One KPI over the period as an inline SVG line chart, with the target (green) and threshold (red,
/// dashed) as horizontal lines. Drawn here rather than by a chart library so that a report is one
/// self-contained file that renders the same in any browser and in the PDF.
/// </summary>
internal static class SvgChart
{
    private const double Width = 340;
    private const double Height = 100;
    private const double Left = 48;
    private const double Right = 8;
    private const double Top = 18;
    private const double Bottom = 22;

    public static string Render(KpiRubric rubric, KpiSeries series, DemonstrationPeriod period)
    {
        var values = series.Points.Select(p => p.Value).Append(rubric.Threshold).Append(rubric.Target).ToList();
        var (low, high) = (values.Min(), values.Max());
        var pad = high == low ? Math.Max(1, Math.Abs(high) * 0.1) : (high - low) * 0.08;
        (low, high) = (low - pad, high + pad);
        double X(DateTimeOffset t) => Left + ((t - period.From) / period.Length * (Width - Left - Right));
        double Y(double v) => Top + ((high - v) / (high - low) * (Height - Top - Bottom));

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" role=\"img\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{Esc(rubric.LabelZh)} / {Esc(rubric.LabelEn)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"{Top}\" width=\"{Width - Left - Right}\" height=\"{Height - Top - Bottom}\" fill=\"#fafafa\" stroke=\"#ccc\"/>");
        Line(svg, Y(rubric.Target), "#2e7d32", null, $"目标 target {F(rubric.Target)}");
        Line(svg, Y(rubric.Threshold), "#c62828", "4 3", $"门槛 threshold {F(rubric.Threshold)}");
        if (series.Points.Count > 0)
        {
            var path = string.Join(' ', series.Points.Select(p => $"{F(X(p.Start))},{F(Y(p.Value))}"));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{path}\" fill=\"none\" stroke=\"#1565c0\" stroke-width=\"1.5\"/>");
            if (series.Points.Count == 1)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(X(series.Points[0].Start))}\" cy=\"{F(Y(series.Points[0].Value))}\" r=\"2.5\" fill=\"#1565c0\"/>");
            }
        }
        else
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width / 2}\" y=\"{Height / 2}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#888\">无数据 no data</text>");
        }

        Text(svg, 2, Top + 4, F(high - pad), "start");
        Text(svg, 2, Height - Bottom, F(low + pad), "start");
        Text(svg, Left, Height - 6, period.From.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), "start");
        Text(svg, Width - Right, Height - 6, period.To.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), "end");
        return svg.Append("</svg>").ToString();
    }

    private static void Line(StringBuilder svg, double y, string colour, string? dash, string label)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{F(y)}\" y2=\"{F(y)}\" stroke=\"{colour}\"{(dash is null ? string.Empty : $" stroke-dasharray=\"{dash}\"")}/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Right - 2}\" y=\"{F(y - 3)}\" text-anchor=\"end\" font-size=\"9\" fill=\"{colour}\">{Esc(label)}</text>");
    }

    private static void Text(StringBuilder svg, double x, double y, string text, string anchor) =>
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x)}\" y=\"{F(y)}\" text-anchor=\"{anchor}\" font-size=\"9\" fill=\"#555\">{Esc(text)}</text>");

    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Esc(string s) => WebUtility.HtmlEncode(s);
}
