using System.Text.Json;
using GzAiEdge.Audits.Storage;
using GzAiEdge.Audits.TestSets;
using Microsoft.Data.Sqlite;
using static GzAiEdge.Audits.Storage.AuditDatabase;
using static GzAiEdge.Audits.Storage.SqliteFileDatabase;

namespace GzAiEdge.Audits.Runs;

/// <summary>
/// Audit runs, their devices' parts and the answers received, in the audit database. A part leaves <c>pending</c> once
/// (the update is conditional on it), so two answers racing cannot both be scored, and a final state never changes.
/// </summary>
public sealed class AuditStore(AuditDatabase database)
{
    private const string AuditColumns = "id, scenario, pipeline, testset, version, testset_sha256, inputs_sha256, inputs_size, items, started, deadline";
    private const string PartColumns = "audit, site, device, command, nonce, seed, state, reason, answered, answer_sha256, result";

    /// <summary>Stores an audit and its parts in one transaction.</summary>
    public void Create(AuditRecord audit, IReadOnlyList<PartRecord> parts)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        using (var insert = Command(connection, $"INSERT INTO audits ({AuditColumns}) VALUES ($id, $scenario, $pipeline, $testset, $version, $tsha, $isha, $isize, $items, $started, $deadline)",
            ("$id", audit.Id), ("$scenario", audit.Scenario), ("$pipeline", audit.Pipeline), ("$testset", audit.TestSet), ("$version", audit.Version),
            ("$tsha", audit.TestSetSha256), ("$isha", audit.InputsSha256), ("$isize", audit.InputsSize),
            ("$items", JsonSerializer.Serialize([.. audit.Items], AuditsJsonContext.Default.ListAuditItem)), ("$started", Text(audit.Started)), ("$deadline", Text(audit.Deadline))))
        {
            insert.ExecuteNonQuery();
        }

        foreach (var p in parts)
        {
            using var insert = Command(connection, $"INSERT INTO parts ({PartColumns}) VALUES ($audit, $site, $device, $command, $nonce, $seed, $state, $reason, NULL, NULL, NULL)",
                ("$audit", p.Audit), ("$site", p.Site), ("$device", p.Device), ("$command", p.Command), ("$nonce", p.Nonce), ("$seed", p.Seed),
                ("$state", p.State), ("$reason", p.Reason));
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>The audit, or null.</summary>
    public AuditRecord? Find(string id) =>
        database.Query($"SELECT {AuditColumns} FROM audits WHERE id = $id", ReadAudit, ("$id", id)).FirstOrDefault();

    /// <summary>Audits, newest first, optionally of one scenario.</summary>
    public IReadOnlyList<AuditRecord> List(string? scenario, int limit) => scenario is null
        ? database.Query($"SELECT {AuditColumns} FROM audits ORDER BY started DESC LIMIT $limit", ReadAudit, ("$limit", limit))
        : database.Query($"SELECT {AuditColumns} FROM audits WHERE scenario = $scenario ORDER BY started DESC LIMIT $limit", ReadAudit, ("$scenario", scenario), ("$limit", limit));

    /// <summary>The audit's parts, by site and device.</summary>
    public IReadOnlyList<PartRecord> Parts(string audit) =>
        database.Query($"SELECT {PartColumns} FROM parts WHERE audit = $audit ORDER BY site, device", ReadPart, ("$audit", audit));

    /// <summary>One part, or null when the device has none in the audit.</summary>
    public PartRecord? Part(string audit, string site, string device) =>
        database.Query($"SELECT {PartColumns} FROM parts WHERE audit = $audit AND site = $site AND device = $device", ReadPart,
            ("$audit", audit), ("$site", site), ("$device", device)).FirstOrDefault();

    /// <summary>Ends a pending part in <paramref name="state"/>; false when it was no longer pending.</summary>
    public bool End(PartRecord part, string state, string reason) => database.Execute(
        "UPDATE parts SET state = $state, reason = $reason WHERE audit = $audit AND site = $site AND device = $device AND state = 'pending'",
        ("$state", state), ("$reason", reason), ("$audit", part.Audit), ("$site", part.Site), ("$device", part.Device)) == 1;

    /// <summary>Marks a pending part scored with its result; false when it was no longer pending.</summary>
    public bool Score(PartRecord part, DateTimeOffset answered, string answerSha256, PartResult result) => database.Execute(
        "UPDATE parts SET state = 'scored', reason = NULL, answered = $answered, answer_sha256 = $sha, result = $result WHERE audit = $audit AND site = $site AND device = $device AND state = 'pending'",
        ("$answered", Text(answered)), ("$sha", answerSha256), ("$result", JsonSerializer.Serialize(result, AuditsJsonContext.Default.PartResult)),
        ("$audit", part.Audit), ("$site", part.Site), ("$device", part.Device)) == 1;

    /// <summary>Records an answer received and its verdict.</summary>
    public void AddAnswer(AnswerRecord answer) => database.Execute(
        "INSERT INTO answers (audit, site, device, received, accepted, reason, sha256) VALUES ($audit, $site, $device, $received, $accepted, $reason, $sha)",
        ("$audit", answer.Audit), ("$site", answer.Site), ("$device", answer.Device), ("$received", Text(answer.Received)),
        ("$accepted", answer.Accepted ? 1 : 0), ("$reason", answer.Reason), ("$sha", answer.Sha256));

    /// <summary>The answers received for a part, oldest first.</summary>
    public IReadOnlyList<AnswerRecord> Answers(string audit, string site, string device) => database.Query(
        "SELECT audit, site, device, received, accepted, reason, sha256 FROM answers WHERE audit = $audit AND site = $site AND device = $device ORDER BY id",
        r => new AnswerRecord(r.GetString(0), r.GetString(1), r.GetString(2), Time(r.GetString(3)), r.GetInt32(4) == 1, r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6)),
        ("$audit", audit), ("$site", site), ("$device", device));

    /// <summary>The device's latest scored part of an audit of <paramref name="scenario"/> answered in [from, to), with its audit; null when none.</summary>
    public (AuditRecord Audit, PartRecord Part)? LatestScored(string scenario, string site, string device, DateTimeOffset from, DateTimeOffset to)
    {
        var part = database.Query(
            $"SELECT {string.Join(", ", PartColumns.Split(", ").Select(c => $"p.{c}"))} FROM parts p JOIN audits a ON a.id = p.audit "
            + "WHERE a.scenario = $scenario AND p.site = $site AND p.device = $device AND p.state = 'scored' AND p.answered >= $from AND p.answered < $to "
            + "ORDER BY p.answered DESC LIMIT 1",
            ReadPart, ("$scenario", scenario), ("$site", site), ("$device", device), ("$from", Text(from)), ("$to", Text(to))).FirstOrDefault();
        return part is null ? null : (Find(part.Audit)!, part);
    }

    private static AuditRecord ReadAudit(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6), r.GetInt64(7),
        JsonSerializer.Deserialize(r.GetString(8), AuditsJsonContext.Default.ListAuditItem) ?? [], Time(r.GetString(9)), Time(r.GetString(10)));

    private static PartRecord ReadPart(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetInt64(5), r.GetString(6),
        r.IsDBNull(7) ? null : r.GetString(7), r.IsDBNull(8) ? null : Time(r.GetString(8)), r.IsDBNull(9) ? null : r.GetString(9),
        r.IsDBNull(10) ? null : JsonSerializer.Deserialize(r.GetString(10), AuditsJsonContext.Default.PartResult));
}
