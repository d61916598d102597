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

        Assert.Equal(11, types.Count);
        Assert.All(types, t => Assert.Equal(AuditFlags.All, t.Gates.AuditFlags));
    }
}
