using GzAiEdge.Scenarios.Catalogue;
using GzAiEdge.Scenarios.Kpis;
using GzAiEdge.Scenarios.Types;

namespace GzAiEdge.Scenarios.Programmes;

/// <summary>
/// Checks a scenario's declared outcome against its type and the catalogue: the measure is a monitoring KPI (the world
/// whose change is the point; EVALUATION.md) that the type's pipeline emits, a control is another scenario of the
/// catalogue on the same pipeline, a period before ends before the demonstration starts, and only an outcome with a
/// baseline may carry weight (without one there is nothing to compare, so it is shown, not scored).
/// </summary>
internal static class OutcomeChecks
{
    public static void Check(Scenario scenario, ScenarioType type, IReadOnlyDictionary<string, ScenarioType> types, ScenarioCatalogue catalogue, Action<long, string> error)
    {
        if (scenario.Outcome is not { } o)
        {
            return;
        }

        if (KpiCatalogue.Find(o.Measure) is not { } definition)
        {
            error(o.Line, $"outcome.measure '{o.Measure}' is not in the KPI catalogue (docs/kpis.md)");
        }
        else if (definition.Kind != KpiKind.Monitoring)
        {
            error(o.Line, $"outcome.measure '{o.Measure}' is a {definition.Kind.ToString().ToLowerInvariant()} KPI; an outcome measure is a monitoring KPI (the change in the world that is the point)");
        }
        else if (!KpiCatalogue.Emits(type.Pipeline, o.Measure))
        {
            error(o.Line, $"outcome.measure '{o.Measure}' is not emitted by pipeline '{type.Pipeline}' of type '{type.Id}'");
        }

        if (o.Weight > 0 && o.Baseline is null)
        {
            error(o.Line, $"outcome: weight {o.Weight} needs a baseline (before: {{from, to}} or control: scenario-id); without one the outcome is shown, not scored, so give weight 0");
        }

        if (o.Baseline?.Control is { } control)
        {
            if (control == scenario.Id)
            {
                error(o.Line, "outcome.baseline.control names the scenario itself; a control is another scenario, without the AI");
            }
            else if (!catalogue.TryGet(control, out var other))
            {
                error(o.Line, $"outcome.baseline.control '{control}' is not a scenario of the catalogue");
            }
            else if (types.TryGetValue(other.Type, out var otherType) && otherType.Pipeline != type.Pipeline)
            {
                error(o.Line, $"outcome.baseline.control '{control}' runs pipeline '{otherType.Pipeline}', not '{type.Pipeline}', so it does not measure '{o.Measure}' the same way");
            }
        }

        if (o.Baseline?.Before is { } before && scenario.Period is { } period && before.To > period.From)
        {
            error(o.Line, $"outcome.baseline.before must end by the demonstration's start ({period.From:yyyy-MM-dd}), not {before.To:yyyy-MM-dd}");
        }
    }
}
