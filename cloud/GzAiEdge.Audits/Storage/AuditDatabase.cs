using System.Globalization;
using Microsoft.Data.Sqlite;

namespace GzAiEdge.Audits.Storage;

/// <summary>
/// The SQLite index of the test-set store and the audit runs (<c>audits.db</c> in <c>Audits:Path</c>): test sets by name
/// and version, audits with their item map, each device's part and every answer received with its verdict. Blobs hold the
/// content; this holds what points at it. Times are UTC text that sorts as time does.
/// </summary>
public sealed class AuditDatabase(string root) : SqliteFileDatabase(root, "audits.db", AuditDatabase.Schema)
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS testsets (
            name TEXT NOT NULL, version TEXT NOT NULL, pipeline TEXT NOT NULL, items INTEGER NOT NULL,
            inputs_sha256 TEXT NOT NULL, inputs_size INTEGER NOT NULL, labels_sha256 TEXT NOT NULL,
            description TEXT, summary TEXT NOT NULL, imported TEXT NOT NULL, PRIMARY KEY (name, version));
        CREATE TABLE IF NOT EXISTS audits (
            id TEXT PRIMARY KEY, scenario TEXT NOT NULL, pipeline TEXT NOT NULL, testset TEXT NOT NULL, version TEXT NOT NULL,
            testset_sha256 TEXT NOT NULL, inputs_sha256 TEXT NOT NULL, inputs_size INTEGER NOT NULL, items TEXT NOT NULL,
            started TEXT NOT NULL, deadline TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS parts (
            audit TEXT NOT NULL, site TEXT NOT NULL, device TEXT NOT NULL, command TEXT NOT NULL, nonce TEXT NOT NULL,
            seed INTEGER NOT NULL, state TEXT NOT NULL, reason TEXT, answered TEXT, answer_sha256 TEXT, result TEXT,
            PRIMARY KEY (audit, site, device));
        CREATE INDEX IF NOT EXISTS parts_by_device ON parts (site, device, state, answered);
        CREATE TABLE IF NOT EXISTS answers (
            id INTEGER PRIMARY KEY AUTOINCREMENT, audit TEXT NOT NULL, site TEXT NOT NULL, device TEXT NOT NULL,
            received TEXT NOT NULL, accepted INTEGER NOT NULL, reason TEXT NOT NULL, sha256 TEXT);
        """;

    /// <summary>A time as stored: UTC, 7 fraction digits, so that text order is time order.</summary>
    public static string Text(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A stored time.</summary>
    public static DateTimeOffset Time(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
