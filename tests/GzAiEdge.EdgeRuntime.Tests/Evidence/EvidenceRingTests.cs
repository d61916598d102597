using GzAiEdge.Contracts.Evidence;
using GzAiEdge.EdgeRuntime.Evidence;
using GzAiEdge.Testing;

namespace GzAiEdge.EdgeRuntime.Tests.Evidence;

/// <summary>The evidence ring on disk: one input per slot, bounded by age and bytes with the oldest evicted first, 0600 files, rebuilt from its folder.</summary>
public sealed class EvidenceRingTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly EvidenceShape Shape = EvidenceShape.OfWindow(64, 1, 100);

    [Fact]
    public void It_keeps_one_input_per_slot_whatever_the_outputs_and_finds_them_by_window_and_stratum()
    {
        using var folder = new TempFolder("gz-ring");
        var ring = new EvidenceRing(folder.File("ring"), TimeSpan.FromMinutes(10), 1 << 20, everySeconds: 1);
        var kept = 0;
        for (var i = 0; i < 40; i++)
        {
            var time = T0.AddMilliseconds(i * 250);
            if (ring.Due(time))
            {
                ring.Add(time, Shape, new byte[256], new EvidenceOutputs { Positive = i % 8 == 0, Error = i });
                kept++;
            }
        }

        // 40 inputs over 10 s, a slot a second: the first of each, 10, and which is first is the clock's choice.
        Assert.Equal(10, kept);
        var (positives, covered) = ring.Find(T0, T0.AddSeconds(10), positive: true);
        Assert.True(covered);
        Assert.Equal([T0, T0.AddSeconds(2), T0.AddSeconds(4), T0.AddSeconds(6), T0.AddSeconds(8)], positives.Select(e => e.Time));
        var (input, meta) = ring.Read(positives[1])!.Value;
        Assert.Equal(256, input.Length);
        Assert.Equal(8, meta.Outputs.Error);
        Assert.Equal(Shape, meta.Shape);

        // Rebuilt from the folder after a restart.
        var again = new EvidenceRing(folder.File("ring"), TimeSpan.FromMinutes(10), 1 << 20, everySeconds: 1);
        Assert.Equal(ring.Counts, again.Counts);
        Assert.Equal(5, again.Find(T0, T0.AddSeconds(10), positive: false).Entries.Count);
    }

    [Fact]
    public void The_oldest_are_evicted_by_bytes_and_by_age_and_counted_and_files_are_the_owners_alone()
    {
        using var folder = new TempFolder("gz-ring");
        var ring = new EvidenceRing(folder.File("ring"), TimeSpan.FromSeconds(30), maxBytes: 10_000, everySeconds: 0);
        for (var i = 0; i < 20; i++)
        {
            ring.Add(T0.AddSeconds(i), Shape, new byte[1000], new EvidenceOutputs { Positive = false, Error = i });
        }

        var (held, bytes, evicted) = ring.Counts;
        Assert.True(bytes <= 10_000 && held + evicted == 20 && evicted > 0, $"held {held}, {bytes} bytes, evicted {evicted}");
        var (entries, covered) = ring.Find(T0, T0.AddSeconds(20), positive: false);
        Assert.Equal(T0.AddSeconds(20 - held), entries[0].Time);
        Assert.False(ring.Find(T0, T0.AddSeconds(1), positive: false).Covered, "a window older than the ring's first input is not covered");
        Assert.Equal(held, entries.Count);
        Assert.False(covered, "the ring no longer reaches back to the window's start");

        // Age: an input 31 s after the last evicts everything older than 30 s.
        ring.Add(T0.AddSeconds(50), Shape, new byte[10], new EvidenceOutputs { Positive = true });
        Assert.Equal(1, ring.Counts.Held);
        Assert.Equal(20, ring.Counts.Evicted);
        if (!OperatingSystem.IsWindows())
        {
            foreach (var file in Directory.GetFiles(ring.Folder))
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }
        }
    }
}
