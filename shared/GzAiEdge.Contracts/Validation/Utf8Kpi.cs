namespace GzAiEdge.Contracts.Validation;

/// <summary>
/// Room for one KPI of a <see cref="Utf8KpiReport"/>: give <see cref="Utf8KpiReport.TryRead"/> a span of
/// <see cref="KpiReportValidator.MaxKpis"/> of these (on the stack) and read the KPIs through the report.
/// </summary>
public struct Utf8Kpi
{
    internal int NameStart;
    internal int NameLength;
    internal int TextStart;
    internal int TextLength;

    /// <summary>Index of the KPI that comes at this position in ordinal name order.</summary>
    internal int Ordered;
}
