using System.Text.Json;
using GzAiEdge.Audits.Storage;
using GzAiEdge.Contracts.Audits;

namespace GzAiEdge.Audits.TestSets;

/// <summary>
/// The cloud's test sets, versioned and content-hashed: each version's inputs (the file a device may download) and its
/// labels (never sent anywhere) are separate blobs, named by their SHA-256, and the index row points at both. A published
/// version does not change: importing it again with other content is refused.
/// </summary>
public sealed class TestSetStore(AuditDatabase database, BlobStore blobs)
{
    /// <summary>Most bytes of item data an inputs file may hold when read back.</summary>
    public const long MaxInputBytes = 2L * 1024 * 1024 * 1024;

    private const string Columns = "name, version, pipeline, items, inputs_sha256, inputs_size, labels_sha256, description, summary, imported";

    /// <summary>Stores <paramref name="set"/>; returns its record and whether it was new (false: the same content was imported before).</summary>
    /// <exception cref="InvalidOperationException">The version exists with other content.</exception>
    public (TestSetRecord Record, bool New) Import(ImportedTestSet set, DateTimeOffset now)
    {
        var (inputs, size) = blobs.Put(s => AuditInputs.Write(s, set.Pipeline, set.Inputs));
        var (labels, _) = blobs.Put(JsonSerializer.SerializeToUtf8Bytes(set.Labels, AuditsJsonContext.Default.TestSetLabels));
        if (Find(set.Name, set.Version) is { } existing)
        {
            return existing.Sha256 == inputs && existing.LabelsSha256 == labels
                ? (existing, false)
                : throw new InvalidOperationException(
                    $"{set.Name} {set.Version} is in the store with other content (inputs {existing.Sha256[..12]}, labels {existing.LabelsSha256[..12]}); a published version does not change: give a new version");
        }

        var record = new TestSetRecord(set.Name, set.Version, set.Pipeline, set.Inputs.Count, inputs, size, labels, set.Description, set.Summary, now);
        database.Execute(
            $"INSERT INTO testsets ({Columns}) VALUES ($name, $version, $pipeline, $items, $inputs, $size, $labels, $description, $summary, $imported)",
            ("$name", record.Name), ("$version", record.Version), ("$pipeline", record.Pipeline), ("$items", record.Items), ("$inputs", inputs),
            ("$size", size), ("$labels", labels), ("$description", record.Description),
            ("$summary", JsonSerializer.Serialize(set.Summary, AuditsJsonContext.Default.DictionaryStringInt32)), ("$imported", AuditDatabase.Text(now)));
        return (record, true);
    }

    /// <summary>Every version of every set, by name, newest import first.</summary>
    public IReadOnlyList<TestSetRecord> List() =>
        database.Query($"SELECT {Columns} FROM testsets ORDER BY name, imported DESC", Read);

    /// <summary>The version of <paramref name="name"/>, or its latest import when <paramref name="version"/> is null; null when the store has none.</summary>
    public TestSetRecord? Find(string name, string? version) => version is null
        ? database.Query($"SELECT {Columns} FROM testsets WHERE name = $name ORDER BY imported DESC LIMIT 1", Read, ("$name", name)).FirstOrDefault()
        : database.Query($"SELECT {Columns} FROM testsets WHERE name = $name AND version = $version", Read, ("$name", name), ("$version", version)).FirstOrDefault();

    /// <summary>The set's items.</summary>
    public IReadOnlyList<AuditInput> Inputs(TestSetRecord record)
    {
        using var file = blobs.OpenRead(record.Sha256);
        return AuditInputs.Read(file, MaxInputBytes).Items;
    }

    /// <summary>The set's labels: for the cloud's scoring only.</summary>
    public TestSetLabels Labels(TestSetRecord record)
    {
        using var file = blobs.OpenRead(record.LabelsSha256);
        return JsonSerializer.Deserialize(file, AuditsJsonContext.Default.TestSetLabels)
            ?? throw new InvalidDataException($"the labels of {record.Name} {record.Version} are empty");
    }

    private static TestSetRecord Read(Microsoft.Data.Sqlite.SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetString(4), r.GetInt64(5), r.GetString(6),
        r.IsDBNull(7) ? null : r.GetString(7),
        JsonSerializer.Deserialize(r.GetString(8), AuditsJsonContext.Default.DictionaryStringInt32) ?? [],
        AuditDatabase.Time(r.GetString(9)));
}

/// <summary>A test set version in the store.</summary>
/// <param name="Name">Set name.</param>
/// <param name="Version">Set version.</param>
/// <param name="Pipeline">The pipeline it audits.</param>
/// <param name="Items">Items it holds.</param>
/// <param name="Sha256">SHA-256 of its inputs file: the set's identity.</param>
/// <param name="Size">Size of the inputs file in bytes.</param>
/// <param name="LabelsSha256">SHA-256 of its labels, stored apart.</param>
/// <param name="Description">What it holds, in words.</param>
/// <param name="Summary">Items and per-class counts.</param>
/// <param name="Imported">When it was imported (UTC).</param>
public sealed record TestSetRecord(
    string Name, string Version, string Pipeline, int Items, string Sha256, long Size, string LabelsSha256, string? Description,
    IReadOnlyDictionary<string, int> Summary, DateTimeOffset Imported);
