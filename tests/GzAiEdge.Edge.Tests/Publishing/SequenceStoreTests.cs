using GzAiEdge.Edge.Publishing;
using GzAiEdge.Testing;

namespace GzAiEdge.Edge.Tests.Publishing;

public class SequenceStoreTests
{
    [Fact]
    public void Sequence_starts_at_one_and_continues_after_a_restart()
    {
        using var folder = new TempFolder();
        var first = new SequenceStore(folder.Path, "cam-01");
        Assert.Equal(0, first.Last);
        Assert.Equal([1L, 2, 3], [first.Next(), first.Next(), first.Next()]);

        var restarted = new SequenceStore(folder.Path, "cam-01");

        Assert.Equal(3, restarted.Last);
        Assert.Equal(4, restarted.Next());
    }

    [Fact]
    public void A_corrupt_sequence_file_is_an_error_naming_the_file_not_a_restart_from_one()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("cam-01.seq"), "12x");

        var ex = Assert.Throws<InvalidDataException>(() => new SequenceStore(folder.Path, "cam-01"));

        Assert.Contains(folder.File("cam-01.seq"), ex.Message);
        Assert.Contains("'12x'", ex.Message);
    }
}
