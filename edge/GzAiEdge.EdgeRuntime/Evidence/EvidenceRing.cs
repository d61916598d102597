using System.Globalization;
using System.Text.Json;
using GzAiEdge.Contracts.Evidence;

namespace GzAiEdge.EdgeRuntime.Evidence;

/// <summary>One input the ring holds: when it was read, its stratum, its files and their size.</summary>
public sealed record EvidenceEntry(DateTimeOffset Time, bool Positive, string Input, string Meta, long Bytes);

/// <summary>
/// The last minutes of the field pipeline's inputs, each with the outputs the pipeline produced for it: one file of the
/// input (PNG at the model's resolution, or raw float32 samples) and one of its shape and outputs, named by the input's
/// time so that the folder is the index and survives a restart. Files are 0600 (inputs may show people). Bounded by
/// age and bytes, oldest evicted first, evictions counted for the heartbeat. The windows the device reported are indexed
/// by their seq, so a request names a window the device agrees it reported.
/// </summary>
public sealed class EvidenceRing
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly Lock _gate = new();
    private readonly LinkedList<EvidenceEntry> _entries = [];
    private readonly Dictionary<long, (DateTimeOffset Start, DateTimeOffset End)> _windows = [];
    private readonly TimeSpan _age;
    private readonly long _maxBytes;
    private readonly long _slotTicks;
    private long _lastSlot = long.MinValue, _bytes, _evicted, _counter;

    public EvidenceRing(string folder, TimeSpan age, long maxBytes, double everySeconds)
    {
        Folder = System.IO.Path.GetFullPath(folder);
        (_age, _maxBytes, _slotTicks) = (age, maxBytes, (long)(everySeconds * TimeSpan.TicksPerSecond));
        Directory.CreateDirectory(Folder);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Folder, OwnerOnly | UnixFileMode.UserExecute);
        }

        foreach (var meta in Directory.EnumerateFiles(Folder, "*.json").Order(StringComparer.Ordinal))
        {
            var input = System.IO.Path.ChangeExtension(meta, ".in");
            if (File.Exists(input) && Parse(System.IO.Path.GetFileNameWithoutExtension(meta)) is { } key)
            {
                var bytes = new FileInfo(input).Length + new FileInfo(meta).Length;
                _entries.AddLast(new EvidenceEntry(key.Time, key.Positive, input, meta, bytes));
                _bytes += bytes;
            }
        }
    }

    /// <summary>The ring's folder.</summary>
    public string Folder { get; }

    /// <summary>Inputs held, the bytes of their files, and inputs evicted since start.</summary>
    public (long Held, long Bytes, long Evicted) Counts
    {
        get
        {
            lock (_gate)
            {
                return (_entries.Count, _bytes, _evicted);
            }
        }
    }

    /// <summary>Whether an input read at <paramref name="time"/> is kept: the first of its slot. Call before encoding anything.</summary>
    public bool Due(DateTimeOffset time)
    {
        var slot = _slotTicks <= 0 ? time.UtcTicks : time.UtcTicks / _slotTicks;
        lock (_gate)
        {
            if (slot == _lastSlot && _slotTicks > 0)
            {
                return false;
            }

            _lastSlot = slot;
            return true;
        }
    }

    /// <summary>Keeps an input and its outputs, then evicts what is too old or over the byte bound.</summary>
    public void Add(DateTimeOffset time, EvidenceShape shape, ReadOnlySpan<byte> input, EvidenceOutputs outputs)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"{time.ToUnixTimeMilliseconds():D13}-{Interlocked.Increment(ref _counter) % 1_000_000:D6}-{(outputs.Positive ? 'p' : 'n')}");
        var inputPath = System.IO.Path.Combine(Folder, name + ".in");
        var metaPath = System.IO.Path.Combine(Folder, name + ".json");
        Write(inputPath, input);
        Write(metaPath, JsonSerializer.SerializeToUtf8Bytes(new EvidenceMeta(time, shape, outputs), EvidenceJsonContext.Default.EvidenceMeta));
        lock (_gate)
        {
            var entry = new EvidenceEntry(time, outputs.Positive, inputPath, metaPath, input.Length + new FileInfo(metaPath).Length);
            _entries.AddLast(entry);
            _bytes += entry.Bytes;
            Evict(time);
        }
    }

    /// <summary>Records the window a report of <paramref name="seq"/> covered, so requests can be checked against it.</summary>
    public void Reported(long seq, DateTimeOffset start, DateTimeOffset end)
    {
        lock (_gate)
        {
            _windows[seq] = (start, end);
            foreach (var old in _windows.Keys.Where(s => _windows[s].End < end - _age - _age).ToList())
            {
                _windows.Remove(old);
            }
        }
    }

    /// <summary>The window this device reported as <paramref name="seq"/>, when it still remembers it.</summary>
    public (DateTimeOffset Start, DateTimeOffset End)? WindowOf(long seq)
    {
        lock (_gate)
        {
            return _windows.TryGetValue(seq, out var w) ? w : null;
        }
    }

    /// <summary>The inputs of one stratum read in [<paramref name="start"/>, <paramref name="end"/>), oldest first; and whether the ring reaches back that far.</summary>
    public (IReadOnlyList<EvidenceEntry> Entries, bool Covered) Find(DateTimeOffset start, DateTimeOffset end, bool positive)
    {
        lock (_gate)
        {
            var covered = _evicted == 0 || (_entries.First is { } first && first.Value.Time < start);
            return ([.. _entries.Where(e => e.Time >= start && e.Time < end && e.Positive == positive)], covered);
        }
    }

    /// <summary>The input bytes and the stored shape and outputs of <paramref name="entry"/>; null when its files are gone.</summary>
    public (byte[] Input, EvidenceMeta Meta)? Read(EvidenceEntry entry)
    {
        try
        {
            var meta = JsonSerializer.Deserialize(File.ReadAllBytes(entry.Meta), EvidenceJsonContext.Default.EvidenceMeta);
            return meta is null ? null : (File.ReadAllBytes(entry.Input), meta);
        }
        catch (Exception ex) when (ex is IOException or JsonException)
        {
            return null;
        }
    }

    private void Evict(DateTimeOffset now)
    {
        while (_entries.First is { } first && (first.Value.Time < now - _age || _bytes > _maxBytes))
        {
            File.Delete(first.Value.Input);
            File.Delete(first.Value.Meta);
            _bytes -= first.Value.Bytes;
            _evicted++;
            _entries.RemoveFirst();
        }
    }

    private static void Write(string path, ReadOnlySpan<byte> bytes)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        using var file = new FileStream(path, options);
        file.Write(bytes);
    }

    private static (DateTimeOffset Time, bool Positive)? Parse(string name) =>
        name.Split('-') is [var ms, _, var p] && long.TryParse(ms, NumberStyles.None, CultureInfo.InvariantCulture, out var t) && p is "p" or "n"
            ? (DateTimeOffset.FromUnixTimeMilliseconds(t), p == "p")
            : null;
}
