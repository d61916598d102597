using GzAiEdge.Audits.Storage;
using GzAiEdge.FieldAudits.Items;
using GzAiEdge.FieldAudits.Labels;
using GzAiEdge.FieldAudits.Sampling;

namespace GzAiEdge.FieldAudits.Storage;

/// <summary>
/// The field-audit store in one folder: the database (<c>field-audits.db</c>: periods, items, labels) and the
/// content-named blobs of the inputs devices uploaded. The cloud, <c>gz field-audit</c> and tests open the same folder.
/// </summary>
public sealed class FieldAuditStore
{
    /// <summary>Opens (creating when missing) the store in <paramref name="root"/>.</summary>
    public FieldAuditStore(string root)
    {
        Database = new FieldAuditDatabase(root);
        Blobs = new BlobStore(root);
        Items = new FieldItemStore(Database);
        Labels = new LabelStore(Database);
        Periods = new PeriodStore(Database);
    }

    /// <summary>Sampling periods: committed seed hashes, revealed seeds.</summary>
    public PeriodStore Periods { get; }

    /// <summary>The SQLite index.</summary>
    public FieldAuditDatabase Database { get; }

    /// <summary>The evidence inputs, named by their SHA-256.</summary>
    public BlobStore Blobs { get; }

    /// <summary>Sampled items and their outcomes.</summary>
    public FieldItemStore Items { get; }

    /// <summary>Evaluators' labels.</summary>
    public LabelStore Labels { get; }
}
