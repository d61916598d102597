using GzAiEdge.Audits.Storage;
using Microsoft.Data.Sqlite;

namespace GzAiEdge.FieldAudits.Storage;

/// <summary>
/// The SQLite index of field audits (<c>field-audits.db</c> in <c>FieldAudits:Path</c>): sampling periods with their
/// committed seed hash (and the seed once revealed), the items sampled from closed windows with their outcome, and the
/// evaluators' labels (one per evaluator and item, with who and when). Blobs hold the inputs; this points at them.
/// </summary>
public sealed class FieldAuditDatabase(string root) : SqliteFileDatabase(root, "field-audits.db", FieldAuditDatabase.Schema)
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS periods (
            id TEXT PRIMARY KEY, scenario TEXT NOT NULL, starts TEXT NOT NULL, ends TEXT NOT NULL, seed_sha256 TEXT NOT NULL,
            seed TEXT, secret TEXT NOT NULL, per_stratum INTEGER NOT NULL, committed TEXT NOT NULL, revealed TEXT, sampled_to TEXT);
        CREATE TABLE IF NOT EXISTS items (
            id TEXT PRIMARY KEY, period TEXT NOT NULL, scenario TEXT NOT NULL, site TEXT NOT NULL, device TEXT NOT NULL,
            pipeline TEXT NOT NULL, seq INTEGER NOT NULL, report_hash TEXT NOT NULL, window_start TEXT NOT NULL, window_end TEXT NOT NULL,
            stratum TEXT NOT NULL, draw REAL NOT NULL, state TEXT NOT NULL, reason TEXT, command TEXT, nonce TEXT, deadline TEXT, input_sha256 TEXT,
            input_shape TEXT, outputs TEXT, input_time TEXT, sampled TEXT NOT NULL, answered TEXT,
            UNIQUE (period, site, device, seq, stratum, draw));
        CREATE INDEX IF NOT EXISTS items_by_scenario ON items (scenario, state, window_end);
        CREATE TABLE IF NOT EXISTS labels (
            item TEXT NOT NULL, evaluator TEXT NOT NULL, labelled TEXT NOT NULL, label TEXT NOT NULL, PRIMARY KEY (item, evaluator));
        """;
}
