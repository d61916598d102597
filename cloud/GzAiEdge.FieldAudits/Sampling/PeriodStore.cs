using GzAiEdge.FieldAudits.Storage;
using Microsoft.Data.Sqlite;
using static GzAiEdge.Audits.Storage.AuditDatabase;

namespace GzAiEdge.FieldAudits.Sampling;

/// <summary>
/// A sampling period of a scenario: the SHA-256 of its seed, published when it is committed; the seed itself, kept
/// secret until the period has ended and then revealed; how many items a window's stratum gives; and up to which window
/// end it has been sampled.
/// </summary>
public sealed record PeriodRecord(
    string Id, string Scenario, DateTimeOffset Starts, DateTimeOffset Ends, string SeedSha256, string? Seed, int PerStratum,
    DateTimeOffset Committed, DateTimeOffset? Revealed, DateTimeOffset? SampledTo);

/// <summary>The periods in the field-audit database. The secret seed never leaves this class except through <see cref="Secret"/> (for the sampler) and a reveal.</summary>
public sealed class PeriodStore(FieldAuditDatabase database)
{
    private const string Columns = "id, scenario, starts, ends, seed_sha256, seed, per_stratum, committed, revealed, sampled_to";

    /// <summary>Stores a committed period with its secret seed.</summary>
    public void Add(PeriodRecord period, string secret) => database.Execute(
        $"INSERT INTO periods ({Columns}, secret) VALUES ($id, $scenario, $starts, $ends, $sha, NULL, $per, $committed, NULL, NULL, $secret)",
        ("$id", period.Id), ("$scenario", period.Scenario), ("$starts", Text(period.Starts)), ("$ends", Text(period.Ends)), ("$sha", period.SeedSha256),
        ("$per", period.PerStratum), ("$committed", Text(period.Committed)), ("$secret", secret));

    /// <summary>The period, or null.</summary>
    public PeriodRecord? Find(string id) => database.Query($"SELECT {Columns} FROM periods WHERE id = $id", Read, ("$id", id)).FirstOrDefault();

    /// <summary>Periods, newest first, optionally of one scenario.</summary>
    public IReadOnlyList<PeriodRecord> List(string? scenario) => database.Query(
        $"SELECT {Columns} FROM periods WHERE ($scenario IS NULL OR scenario = $scenario) ORDER BY starts DESC, id", Read, ("$scenario", scenario));

    /// <summary>The period's seed, for sampling before it is revealed.</summary>
    public string Secret(string id) => database.Query("SELECT secret FROM periods WHERE id = $id", r => r.GetString(0), ("$id", id)).Single();

    /// <summary>Publishes the seed; false when it was already revealed.</summary>
    public bool Reveal(string id, DateTimeOffset now) => database.Execute(
        "UPDATE periods SET seed = secret, revealed = $now WHERE id = $id AND revealed IS NULL", ("$now", Text(now)), ("$id", id)) == 1;

    /// <summary>Records that windows ending up to <paramref name="to"/> were sampled.</summary>
    public void SampledTo(string id, DateTimeOffset to) =>
        database.Execute("UPDATE periods SET sampled_to = $to WHERE id = $id", ("$to", Text(to)), ("$id", id));

    private static PeriodRecord Read(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), Time(r.GetString(2)), Time(r.GetString(3)), r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), r.GetInt32(6),
        Time(r.GetString(7)), r.IsDBNull(8) ? null : Time(r.GetString(8)), r.IsDBNull(9) ? null : Time(r.GetString(9)));
}
