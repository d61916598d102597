using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Validation;
using GzAiEdge.Edge.Configuration;
using GzAiEdge.Edge.Pipeline;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Edge.Publishing;

/// <summary>Turns a closed window into a KPI report with the next sequence number and the model that computed it.</summary>
public sealed class ReportBuilder(IOptions<EdgeOptions> options, SequenceStore sequence)
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

        // Validate before taking a sequence number: an invalid report must not leave a gap.
        var errors = KpiReportValidator.Validate(report with { Seq = 1 });
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"built an invalid report: {ContractError.Join(errors)}");
        }

        return report with { Seq = sequence.Next() };
    }
}
