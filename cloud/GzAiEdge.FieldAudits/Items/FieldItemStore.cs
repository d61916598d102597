using System.Text.Json;
using GzAiEdge.Contracts.Evidence;
using GzAiEdge.FieldAudits.Storage;
using Microsoft.Data.Sqlite;
using static GzAiEdge.Audits.Storage.AuditDatabase;
using static GzAiEdge.Audits.Storage.SqliteFileDatabase;

namespace GzAiEdge.FieldAudits.Items;

/// <summary>
/// The sampled items and their outcomes. An item leaves <see cref="FieldItemStates.Requested"/> once (the update is
/// conditional on it), so two uploads racing cannot both count, and a final outcome never changes.
/// </summary>
public sealed class FieldItemStore(FieldAuditDatabase database)
{
    private const string Columns = "id, period, scenario, site, device, pipeline, seq, report_hash, window_start, window_end, stratum, draw, state, reason, "
        + "command, nonce, deadline, input_sha256, input_shape, outputs, input_time, sampled, answered";

    /// <summary>Stores new items; an item already sampled (same id) is kept as it was. Returns the ids of those added.</summary>
    public IReadOnlyList<string> Add(IEnumerable<FieldItem> items)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var added = new List<string>();
        foreach (var i in items)
        {
            using var insert = Command(connection, $"INSERT OR IGNORE INTO items ({Columns}) VALUES ($id, $period, $scenario, $site, $device, $pipeline, $seq, $hash, "
                + "$ws, $we, $stratum, $draw, $state, $reason, $command, $nonce, $deadline, $input, $shape, $outputs, $time, $sampled, $answered)",
                ("$id", i.Id), ("$period", i.Period), ("$scenario", i.Scenario), ("$site", i.Site), ("$device", i.Device), ("$pipeline", i.Pipeline),
                ("$seq", i.Seq), ("$hash", i.ReportHash), ("$ws", Text(i.WindowStart)), ("$we", Text(i.WindowEnd)), ("$stratum", i.Stratum), ("$draw", i.Draw),
                ("$state", i.State), ("$reason", i.Reason), ("$command", i.Command), ("$nonce", i.Nonce), ("$deadline", i.Deadline is { } d ? Text(d) : null), ("$input", i.InputSha256),
                ("$shape", i.Shape is null ? null : JsonSerializer.Serialize(i.Shape, FieldAuditsJsonContext.Default.EvidenceShape)),
                ("$outputs", i.Outputs is null ? null : JsonSerializer.Serialize(i.Outputs, FieldAuditsJsonContext.Default.EvidenceOutputs)),
                ("$time", i.InputTime is { } t ? Text(t) : null), ("$sampled", Text(i.Sampled)), ("$answered", i.Answered is { } a ? Text(a) : null));
            if (insert.ExecuteNonQuery() == 1)
            {
                added.Add(i.Id);
            }
        }

        transaction.Commit();
        return added;
    }

    /// <summary>The item, or null.</summary>
    public FieldItem? Find(string id) => database.Query($"SELECT {Columns} FROM items WHERE id = $id", Read, ("$id", id)).FirstOrDefault();

    /// <summary>Items, oldest window first, optionally of one scenario, period, device or state.</summary>
    public IReadOnlyList<FieldItem> List(string? scenario = null, string? state = null, string? period = null, string? site = null, string? device = null) =>
        database.Query($"SELECT {Columns} FROM items WHERE ($scenario IS NULL OR scenario = $scenario) AND ($state IS NULL OR state = $state) "
            + "AND ($period IS NULL OR period = $period) AND ($site IS NULL OR site = $site) AND ($device IS NULL OR device = $device) "
            + "ORDER BY window_end, site, device, stratum, draw",
            Read, ("$scenario", scenario), ("$state", state), ("$period", period), ("$site", site), ("$device", device));

    /// <summary>Received items <paramref name="evaluator"/> has not labelled yet, oldest window first.</summary>
    public IReadOnlyList<FieldItem> Unlabelled(string evaluator, string? scenario, int limit) => database.Query(
        $"SELECT {Columns} FROM items i WHERE state = 'received' AND ($scenario IS NULL OR scenario = $scenario) "
        + "AND NOT EXISTS (SELECT 1 FROM labels l WHERE l.item = i.id AND l.evaluator = $evaluator) "
        + "ORDER BY window_end, site, device, stratum, draw LIMIT $limit",
        Read, ("$evaluator", evaluator), ("$scenario", scenario), ("$limit", limit));

    /// <summary>Records the evidence received for a requested item; false when it was no longer requested.</summary>
    public bool Receive(string id, string inputSha256, EvidenceShape shape, EvidenceOutputs outputs, DateTimeOffset inputTime, DateTimeOffset answered) => database.Execute(
        "UPDATE items SET state = 'received', reason = NULL, input_sha256 = $input, input_shape = $shape, outputs = $outputs, input_time = $time, answered = $answered "
        + "WHERE id = $id AND state = 'requested'",
        ("$input", inputSha256), ("$shape", JsonSerializer.Serialize(shape, FieldAuditsJsonContext.Default.EvidenceShape)),
        ("$outputs", JsonSerializer.Serialize(outputs, FieldAuditsJsonContext.Default.EvidenceOutputs)), ("$time", Text(inputTime)), ("$answered", Text(answered)), ("$id", id)) == 1;

    /// <summary>Ends a requested item in <paramref name="state"/> with its reason; false when it was no longer requested.</summary>
    public bool End(string id, string state, string reason, DateTimeOffset answered) => database.Execute(
        "UPDATE items SET state = $state, reason = $reason, answered = $answered WHERE id = $id AND state = 'requested'",
        ("$state", state), ("$reason", reason), ("$answered", Text(answered)), ("$id", id)) == 1;

    /// <summary>Records the command that asked for the items, its nonce and deadline.</summary>
    public void SetCommand(IEnumerable<string> ids, string command, string nonce, DateTimeOffset deadline)
    {
        foreach (var id in ids)
        {
            database.Execute("UPDATE items SET command = $command, nonce = $nonce, deadline = $deadline WHERE id = $id",
                ("$command", command), ("$nonce", nonce), ("$deadline", Text(deadline)), ("$id", id));
        }
    }

    /// <summary>Ends every requested item whose deadline passed before <paramref name="now"/> as unanswered; returns how many.</summary>
    public int ExpireUnanswered(DateTimeOffset now) => database.Execute(
        "UPDATE items SET state = 'unanswered', reason = 'no answer to evidence.fetch before its deadline ' || deadline, answered = $now "
        + "WHERE state = 'requested' AND deadline IS NOT NULL AND deadline < $now", ("$now", Text(now)));

    private static FieldItem Read(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetInt64(6), r.GetString(7),
        Time(r.GetString(8)), Time(r.GetString(9)), r.GetString(10), r.GetDouble(11), r.GetString(12), Nullable(r, 13), Nullable(r, 14), Nullable(r, 15),
        Nullable(r, 16) is { } deadline ? Time(deadline) : null, Nullable(r, 17),
        Nullable(r, 18) is { } shape ? JsonSerializer.Deserialize(shape, FieldAuditsJsonContext.Default.EvidenceShape) : null,
        Nullable(r, 19) is { } outputs ? JsonSerializer.Deserialize(outputs, FieldAuditsJsonContext.Default.EvidenceOutputs) : null,
        Nullable(r, 20) is { } time ? Time(time) : null, Time(r.GetString(21)), Nullable(r, 22) is { } answered ? Time(answered) : null);

    private static string? Nullable(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
