using GzAiEdge.Contracts.Signing;
using GzAiEdge.FleetSimulation.Devices;
using GzAiEdge.Testing;

namespace GzAiEdge.FleetSimulation.Tests.Devices;

public sealed class ChainStoreTests
{
    [Fact]
    public void Heads_saved_are_the_heads_loaded()
    {
        using var folder = new TempFolder("gz-fleet-chains");
        using var signer = DeviceSigner.Create();
        var chain = new ReportChain(signer, "tianhe-01", "fleet-00001", "traffic-tianhe-flow", ChainHead.Start);
        chain.Next(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddSeconds(10), new Dictionary<string, double> { ["samples"] = 1 }, null);
        var store = new ChainStore(folder.Path);

        store.Save([chain]);

        Assert.Equal(chain.Head, store.Load()[("tianhe-01", "fleet-00001")]);
    }

    [Fact]
    public void A_damaged_line_is_refused_with_its_file_and_line()
    {
        using var folder = new TempFolder("gz-fleet-chains");
        File.WriteAllText(folder.File(ChainStore.FileName), $"tianhe-01\tfleet-00001\t3\t{ChainHash.Genesis}\ntianhe-01\tfleet-00002\tthree\t{ChainHash.Genesis}\n");

        var error = Assert.Throws<InvalidDataException>(() => new ChainStore(folder.Path).Load());

        Assert.Contains($"{ChainStore.FileName}:2:", error.Message, StringComparison.Ordinal);
    }
}
