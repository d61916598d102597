using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Validation;
using GzAiEdge.EdgeRuntime.Configuration;
using GzAiEdge.EdgeRuntime.Pipeline;
using Microsoft.Extensions.Options;

namespace GzAiEdge.EdgeRuntime.Publishing;

/// <summary>
/// Turns a closed window into a KPI report, with the model that computed it. The report leaves here with <c>seq</c> 0: the outbox
/// numbers, chains and signs it in the same transaction that stores it, so that no crash between
/// numbering and storing can leave a gap, and the evaluator would count a gap as a lost report.
/// </summary>
public sealed class ReportBuilder(IOptions<EdgeOptions> options)
{
    public KpiReport Build(KpiWindow window, ModelInfo? model = null)
    {
        var edge = options.Value;
        var report = new KpiReport
        {
            V = ContractVersion.Current,
            Site = edge.Site,
            Device = edge.Device,
            Scenario = edge.Scenario,
            Seq = 0,
            WindowStart = window.Start,
            WindowEnd = window.End,
            Kpis = window.Compute(),
            Model = model,
        };

        // Validate before the outbox takes a sequence number: an invalid report must not leave a gap.
        var errors = KpiReportValidator.Validate(report with { Seq = 1 });
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"built an invalid report: {ContractError.Join(errors)}");
        }

        return report;
    }
}
