using GzAiEdge.Evaluation.Audits;
using GzAiEdge.Scenarios.Types;
using GzAiEdge.Testing;

namespace GzAiEdge.Evaluation.Tests;

/// <summary>The shipped scenario types against what the evaluation knows: the loader checks a flag's form, this its name.</summary>
public class ShippedTypesTests
{
    [Fact]
    public void Every_shipped_type_gates_on_audit_flags_that_audits_report()
    {
        var types = ScenarioTypeLoader.LoadFolder(RepoPaths.Combine("firmware-configs", "scenarios", "types"));

        Assert.Equal(12, types.Count);

        // Every type scored from audits gates on their integrity; load forecasting is scored from later truth, never audited.
        var audited = types.Where(t => t.Kpis.Any(k => k.Definition?.Truth == Scenarios.Kpis.TruthSource.Audit)).ToList();
        Assert.Equal(11, audited.Count);
        Assert.All(audited, t => Assert.Equal(AuditFlags.All, t.Gates.AuditFlags));
        var forecasting = Assert.Single(types, t => !audited.Contains(t));
        Assert.Equal(("energy-load-forecasting", null), (forecasting.Id, forecasting.Gates.AuditFlags));
    }
}
