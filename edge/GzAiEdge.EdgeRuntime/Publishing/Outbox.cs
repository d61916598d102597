using System.Globalization;
using System.Text.Json;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Contracts.Topics;
using GzAiEdge.Contracts.Validation;
using GzAiEdge.EdgeRuntime.Configuration;
using Microsoft.Data.Sqlite;
using static GzAiEdge.EdgeRuntime.Publishing.OutboxSchema;

namespace GzAiEdge.EdgeRuntime.Publishing;

/// <summary>
/// The device's store-and-forward queue (SQLite, WAL). A report gets its seq, its chain link and its
/// signature in the same transaction that stores it, so a crash at any moment leaves either nothing
/// or a stored, numbered, signed report: seq never has a gap and the chain never forks. Messages are
/// removed only when the broker acknowledged them, and are read back in id order after a restart.
/// Bounded by size and age; what a bound evicts is counted, kept in the chain row and reported.
/// </summary>
public sealed class Outbox : IDisposable
{
    private readonly SqliteConnection _db;
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _added = new(0, int.MaxValue);
    private readonly string _site;
    private readonly string _device;
    private readonly DeviceSigner? _signer;
    private readonly OutboxOptions _options;
    private readonly TimeProvider _time;
    private readonly HashSet<long> _handedOut = [];
    private long _bytes;

    public Outbox(string directory, string site, string device, DeviceSigner? signer, OutboxOptions options, TimeProvider time)
    {
        Directory.CreateDirectory(directory);
        Path = System.IO.Path.Combine(directory, $"{device}.outbox.db");
        (_site, _device, _signer, _options, _time) = (site, device, signer, options, time);
        _db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
        _db.Open();
        Command(_db, null, Pragmas + Create).ExecuteNonQuery();
        var seed = LegacySeq(directory, device);
        Command(_db, null, "INSERT OR IGNORE INTO chain VALUES (1, @seq, @hash, @seq, 0)", ("@seq", seed), ("@hash", ChainHash.Genesis)).ExecuteNonQuery();
        using var reader = Command(_db, null,
            "SELECT last_seq, evicted_reports, (SELECT count(*) FROM messages), (SELECT coalesce(sum(length(payload)), 0) FROM messages) FROM chain").ExecuteReader();
        reader.Read();
        (LastSeq, Evicted, Depth, _bytes) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    public string Path { get; }

    /// <summary>The last seq given to a report (0 before the first).</summary>
    public long LastSeq { get; private set; }

    /// <summary>Messages waiting for the broker's acknowledgement.</summary>
    public long Depth { get; private set; }

    /// <summary>Reports evicted by the bounds since this device's outbox was created.</summary>
    public long Evicted { get; private set; }

    /// <summary>
    /// Numbers, chains, signs and stores <paramref name="report"/> (its seq, prev, kid and sig are
    /// replaced), adds a checkpoint when one is due, and applies the bounds, all in one transaction.
    /// </summary>
    /// <exception cref="SqliteException">The store failed (disk full, I/O error); nothing was stored.</exception>
    public (KpiReport Stored, Eviction? Eviction) Append(KpiReport report)
    {
        lock (_gate)
        {
            using var tx = _db.BeginTransaction();
            var (lastSeq, lastHash, checkpointed) = ReadHead(tx);
            var stored = report with { Seq = lastSeq + 1, Prev = lastHash, Kid = null, Sig = null };
            stored = _signer?.Sign(stored) ?? stored;
            var hash = ChainHash.Of(stored);
            var added = Insert(tx, MessageKind.Kpi, JsonSerializer.SerializeToUtf8Bytes(stored, GzJsonContext.Default.KpiReport), stored.Seq);
            Command(_db, tx, "UPDATE chain SET last_seq = @seq, last_hash = @hash", ("@seq", stored.Seq), ("@hash", hash)).ExecuteNonQuery();
            if (_signer is not null && stored.Seq - checkpointed >= _options.CheckpointEvery)
            {
                var checkpoint = InsertCheckpoint(tx, stored.Seq, hash);
                added = (added.Rows + checkpoint.Rows, added.Bytes + checkpoint.Bytes);
            }

            var (eviction, removedBytes, removedRows) = Evict(tx, added);
            tx.Commit();
            (LastSeq, _bytes, Depth) = (stored.Seq, _bytes + added.Bytes - removedBytes, Depth + added.Rows - removedRows);
            Evicted += eviction?.Reports ?? 0;
            _added.Release();
            return (stored, eviction);
        }
    }

    /// <summary>Signs and stores a checkpoint of the chain head unless the head already has one (at shutdown).</summary>
    public bool AppendCheckpoint()
    {
        lock (_gate)
        {
            using var tx = _db.BeginTransaction();
            var (lastSeq, lastHash, checkpointed) = ReadHead(tx);
            if (_signer is null || lastSeq == 0 || lastSeq == checkpointed)
            {
                return false;
            }

            var added = InsertCheckpoint(tx, lastSeq, lastHash);
            tx.Commit();
            (_bytes, Depth) = (_bytes + added.Bytes, Depth + added.Rows);
            _added.Release();
            return true;
        }
    }

    /// <summary>
    /// Stores an event (a command's result) to be published in order with the reports, so that it reaches the
    /// cloud even when the broker is away now. Events are evidence: the bounds evict reports before them.
    /// </summary>
    /// <exception cref="SqliteException">The store failed (disk full, I/O error); nothing was stored.</exception>
    public void AppendEvent(DeviceEvent deviceEvent)
    {
        lock (_gate)
        {
            using var tx = _db.BeginTransaction();
            // Cut to the contract's bounds here, the one door every event goes through, so that ingestion never refuses one.
            var added = Insert(tx, MessageKind.Event, JsonSerializer.SerializeToUtf8Bytes(DeviceEventValidator.Fit(deviceEvent), GzJsonContext.Default.DeviceEvent), null);
            tx.Commit();
            (_bytes, Depth) = (_bytes + added.Bytes, Depth + added.Rows);
            _added.Release();
        }
    }

    /// <summary>The oldest <paramref name="max"/> messages, in publish order.</summary>
    public IReadOnlyList<OutboxMessage> Peek(int max)
    {
        lock (_gate)
        {
            using var reader = Command(_db, null, "SELECT id, topic, payload, seq FROM messages ORDER BY id LIMIT @max", ("@max", max)).ExecuteReader();
            var messages = new List<OutboxMessage>();
            while (reader.Read())
            {
                messages.Add(new(reader.GetInt64(0), reader.GetString(1), (byte[])reader[2], reader.IsDBNull(3) ? null : reader.GetInt64(3)));
            }

            return messages;
        }
    }

    /// <summary>
    /// The oldest <paramref name="max"/> messages, marked as handed to the connection in the same step:
    /// the connection may deliver them still (it resends what it sent before a reconnect), so the
    /// bounds no longer evict them, and an eviction names only reports that can no longer arrive.
    /// </summary>
    public IReadOnlyList<OutboxMessage> HandOut(int max)
    {
        lock (_gate)
        {
            var batch = Peek(max);
            _handedOut.UnionWith(batch.Select(m => m.Id));
            return batch;
        }
    }

    /// <summary>Removes a message the broker acknowledged (nothing when a bound evicted it meanwhile).</summary>
    public void Remove(OutboxMessage message)
    {
        lock (_gate)
        {
            _handedOut.Remove(message.Id);
            if (Command(_db, null, "DELETE FROM messages WHERE id = @id", ("@id", message.Id)).ExecuteNonQuery() == 1)
            {
                (_bytes, Depth) = (_bytes - message.Payload.Length, Depth - 1);
            }
        }
    }

    /// <summary>Waits until something was appended since the last wait.</summary>
    public Task WaitForMessagesAsync(CancellationToken cancellationToken) => _added.WaitAsync(cancellationToken);

    public void Dispose()
    {
        _db.Dispose();
        _added.Dispose();
    }

    private (long LastSeq, string LastHash, long Checkpointed) ReadHead(SqliteTransaction tx)
    {
        using var reader = Command(_db, tx, "SELECT last_seq, last_hash, checkpointed_seq FROM chain").ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2));
    }

    private (long Rows, long Bytes) Insert(SqliteTransaction tx, MessageKind kind, byte[] payload, long? seq)
    {
        Command(_db, tx, "INSERT INTO messages (topic, payload, seq, created_ms) VALUES (@topic, @payload, @seq, @created)",
            ("@topic", GzTopic.Create(_site, _device, kind).ToString()), ("@payload", payload), ("@seq", seq),
            ("@created", _time.GetUtcNow().ToUnixTimeMilliseconds())).ExecuteNonQuery();
        return (1, payload.Length);
    }

    private (long Rows, long Bytes) InsertCheckpoint(SqliteTransaction tx, long seq, string head)
    {
        var checkpoint = _signer!.Sign(new Checkpoint
        {
            V = ContractVersion.Current,
            Site = _site,
            Device = _device,
            Time = _time.GetUtcNow(),
            Seq = seq,
            Head = head,
        });
        Command(_db, tx, "UPDATE chain SET checkpointed_seq = @seq", ("@seq", seq)).ExecuteNonQuery();
        return Insert(tx, MessageKind.Checkpoint, JsonSerializer.SerializeToUtf8Bytes(checkpoint, GzJsonContext.Default.Checkpoint), null);
    }

    // Oldest report first, never the newest message: the bound makes room for what the device knows
    // now. Checkpoints and eviction notices are the evidence of what happened and tiny: they go only
    // when no report is left to evict.
    private (Eviction? Eviction, long Bytes, long Rows) Evict(SqliteTransaction tx, (long Rows, long Bytes) added)
    {
        var cutoff = (_time.GetUtcNow() - TimeSpan.FromMinutes(_options.MaxAgeMinutes)).ToUnixTimeMilliseconds();
        long bytes = _bytes + added.Bytes, rows = Depth + added.Rows, removedBytes = 0, removed = 0, reports = 0;
        long? first = null, last = null;
        var why = new SortedSet<string>(StringComparer.Ordinal);
        while (rows - removed > 1)
        {
            var oldest = Oldest(tx);
            if (oldest is null)
            {
                break;
            }

            var (id, seq, size, created) = oldest.Value;
            var tooBig = bytes - removedBytes > _options.MaxBytes;
            if (!tooBig && created >= cutoff)
            {
                break;
            }

            why.Add(tooBig ? $"over {_options.MaxBytes} bytes" : $"older than {_options.MaxAgeMinutes} min");
            Command(_db, tx, "DELETE FROM messages WHERE id = @id", ("@id", id)).ExecuteNonQuery();
            (removedBytes, removed) = (removedBytes + size, removed + 1);
            if (seq is { } s)
            {
                (first, last, reports) = (first ?? s, s, reports + 1);
            }
        }

        if (removed == 0)
        {
            return (null, 0, 0);
        }

        Command(_db, tx, "UPDATE chain SET evicted_reports = evicted_reports + @n", ("@n", reports)).ExecuteNonQuery();
        var eviction = new Eviction(removed, first, last, reports, string.Join(", ", why));
        var notice = Insert(tx, MessageKind.Event, EventPayload(eviction), null);
        return (eviction, removedBytes - notice.Bytes, removed - notice.Rows);
    }

    // The oldest message the bounds may take: reports before evidence, never the newest report, never
    // one handed to the connection.
    private (long Id, long? Seq, long Size, long Created)? Oldest(SqliteTransaction tx)
    {
        using var reader = Command(_db, tx, "SELECT id, seq, length(payload), created_ms FROM messages WHERE id <> (SELECT max(id) FROM messages WHERE seq IS NOT NULL) ORDER BY seq IS NULL, id LIMIT @n",
            ("@n", _handedOut.Count + 1)).ExecuteReader();
        while (reader.Read())
        {
            if (!_handedOut.Contains(reader.GetInt64(0)))
            {
                return (reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
            }
        }

        return null;
    }

    private byte[] EventPayload(Eviction e) => JsonSerializer.SerializeToUtf8Bytes(new DeviceEvent
    {
        V = ContractVersion.Current,
        Site = _site,
        Device = _device,
        Time = _time.GetUtcNow(),
        Level = "warning",
        Code = "outbox.evicted",
        Message = e.FirstSeq is { } f
            ? $"outbox bound reached ({e.Why}): evicted reports seq {f}..{e.LastSeq} ({e.Reports} reports, {e.Messages} messages); {Evicted + e.Reports} evicted in total"
            : $"outbox bound reached ({e.Why}): evicted {e.Messages} messages, no reports",
    }, GzJsonContext.Default.DeviceEvent);

    // Devices that ran before the outbox kept their last seq in {device}.seq; continue from it.
    private static long LegacySeq(string directory, string device)
    {
        var path = System.IO.Path.Combine(directory, $"{device}.seq");
        if (!File.Exists(path))
        {
            return 0;
        }

        var text = File.ReadAllText(path).Trim();
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var last)
            ? last
            : throw new InvalidDataException($"{path}: expected the last report sequence number, found '{text}'");
    }
}
