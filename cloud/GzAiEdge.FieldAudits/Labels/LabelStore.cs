using System.Text.Json;
using GzAiEdge.FieldAudits.Storage;
using Microsoft.Data.Sqlite;
using static GzAiEdge.Audits.Storage.AuditDatabase;

namespace GzAiEdge.FieldAudits.Labels;

/// <summary>
/// Evaluators' labels: one per evaluator and item (a second submission replaces the first, and the audit trail keeps
/// both), each with who and when. Two evaluators may label the same item; agreement is computed from the pairs.
/// </summary>
public sealed class LabelStore(FieldAuditDatabase database)
{
    /// <summary>Stores <paramref name="label"/>, replacing that evaluator's earlier label of the item.</summary>
    public void Put(FieldLabel label) => database.Execute(
        "INSERT INTO labels (item, evaluator, labelled, label) VALUES ($item, $evaluator, $labelled, $label) "
        + "ON CONFLICT (item, evaluator) DO UPDATE SET labelled = excluded.labelled, label = excluded.label",
        ("$item", label.Item), ("$evaluator", label.Evaluator), ("$labelled", Text(label.Labelled)),
        ("$label", JsonSerializer.Serialize(new LabelInput(label.Boxes, label.Class, label.Anomaly, label.Note), FieldAuditsJsonContext.Default.LabelInput)));

    /// <summary>The item's labels, by evaluator.</summary>
    public IReadOnlyList<FieldLabel> Of(string item) =>
        database.Query("SELECT item, evaluator, labelled, label FROM labels WHERE item = $item ORDER BY evaluator", Read, ("$item", item));

    /// <summary>The labels of a scenario's items (every scenario's when null), by item and evaluator.</summary>
    public IReadOnlyList<FieldLabel> OfScenario(string? scenario) => database.Query(
        "SELECT l.item, l.evaluator, l.labelled, l.label FROM labels l JOIN items i ON i.id = l.item WHERE ($scenario IS NULL OR i.scenario = $scenario) "
        + "ORDER BY l.item, l.evaluator", Read, ("$scenario", scenario));

    /// <summary>How many received items of the scenario (every scenario when null) there are, and how many <paramref name="evaluator"/> has labelled.</summary>
    public (int Received, int Labelled) Progress(string evaluator, string? scenario) => database.Query(
        "SELECT COUNT(*), COUNT(l.item) FROM items i LEFT JOIN labels l ON l.item = i.id AND l.evaluator = $evaluator "
        + "WHERE i.state = 'received' AND ($scenario IS NULL OR i.scenario = $scenario)",
        r => (r.GetInt32(0), r.GetInt32(1)), ("$evaluator", evaluator), ("$scenario", scenario))[0];

    private static FieldLabel Read(SqliteDataReader r)
    {
        var input = JsonSerializer.Deserialize(r.GetString(3), FieldAuditsJsonContext.Default.LabelInput)!;
        return new FieldLabel(r.GetString(0), r.GetString(1), Time(r.GetString(2)), input.Boxes, input.Class, input.Anomaly, input.Note);
    }
}
