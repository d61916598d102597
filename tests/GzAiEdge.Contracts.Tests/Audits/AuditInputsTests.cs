using System.Security.Cryptography;
using GzAiEdge.Contracts.Audits;

namespace GzAiEdge.Contracts.Tests.Audits;

/// <summary>The inputs file and the item order: what the cloud writes and the device reads, and the order both derive from a seed.</summary>
public sealed class AuditInputsTests
{
    [Fact]
    public void Items_written_are_read_back_and_the_same_items_give_the_same_bytes()
    {
        AuditInput[] items =
        [
            AuditInput.OfImage("a1", 4, 2, [.. Enumerable.Range(0, 24).Select(i => (byte)i)]),
            AuditInput.OfSamples("w2", AuditInput.Window, 1, 0, [0.5f, -1.25f, 3f]),
            AuditInput.OfSamples("s3", AuditInput.Series, 2, 1, [72f, 97f, 74f, 96.5f]),
        ];

        var first = Write(items);
        var (pipeline, read) = AuditInputs.Read(new MemoryStream(first), 1 << 20);

        Assert.Equal(SHA256.HashData(first), SHA256.HashData(Write(items)));
        Assert.Equal("traffic-detection", pipeline);
        Assert.Equal(items.Select(i => (i.Id, i.Kind, i.Width, i.Height, i.Samples, i.Channels, i.SampleHz)), read.Select(i => (i.Id, i.Kind, i.Width, i.Height, i.Samples, i.Channels, i.SampleHz)));
        Assert.All(items.Zip(read), p => Assert.Equal(p.First.Data, p.Second.Data));
        Assert.Equal([72f, 97f, 74f, 96.5f], read[2].Floats());
    }

    [Fact]
    public void An_item_whose_data_is_not_its_shape_or_is_over_the_cap_is_refused_by_name()
    {
        var wrong = Write([new AuditInput("a1", AuditInput.Image, 4, 2, 0, 3, 0, new byte[23])]);

        Assert.Equal("item 'a1': 23 bytes, its shape needs 24", Assert.Throws<InvalidDataException>(() => AuditInputs.Read(new MemoryStream(wrong), 1 << 20)).Message);
        var big = Write([AuditInput.OfImage("a1", 4, 2, new byte[24])]);
        Assert.Equal("the items hold more than 10 bytes", Assert.Throws<InvalidDataException>(() => AuditInputs.Read(new MemoryStream(big), 10)).Message);
        Assert.StartsWith("not an audit inputs file", Assert.Throws<InvalidDataException>(() => AuditInputs.Read(new MemoryStream([1, 2, 3]), 10)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_order_is_a_permutation_fixed_by_the_seed()
    {
        var order = AuditOrder.Of(42, 10);

        // Computed independently (SplitMix64 and the shuffle as AuditOrder describes them, in Python's integers): a
        // device and a cloud of any build must derive this same order from seed 42.
        Assert.Equal([0, 9, 5, 8, 6, 4, 7, 2, 1, 3], order);
        Assert.Equal(Enumerable.Range(0, 1000), AuditOrder.Of(7, 1000).Order());
        Assert.Equal(AuditOrder.Of(7, 1000), AuditOrder.Of(7, 1000));
        Assert.NotEqual(AuditOrder.Of(7, 1000), AuditOrder.Of(8, 1000));
    }

    private static byte[] Write(IReadOnlyList<AuditInput> items)
    {
        using var stream = new MemoryStream();
        AuditInputs.Write(stream, "traffic-detection", items);
        return stream.ToArray();
    }
}
