using System.Text.Json;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Ingestion;
using GzAiEdge.Ingestion.Tests.Support;

namespace GzAiEdge.Ingestion.Tests;

public class MessageMapperFuzzTests
{
    private readonly MessageMapper _mapper = SampleReports.Mapper();

    [Theory]
    [InlineData("gz/v1/tianhe-01/cam-01/kpi")]
    [InlineData("gz/v1/tianhe-01/cam-01/checkpoint")]
    [InlineData("gz/v1/tianhe-01/cam-01/heartbeat")]
    public void Mutated_payloads_never_throw_every_one_is_stored_or_rejected_with_a_reason(string topic)
    {
        using var signer = DeviceSigner.Create();
        var valid = JsonSerializer.SerializeToUtf8Bytes(signer.Sign(SampleReports.Report(new Dictionary<string, double> { ["vehicle_count"] = 3, ["mean_speed_kmh"] = 41.5 }) with
        {
            Prev = ChainHash.Genesis,
        }), GzJsonContext.Default.KpiReport);
        var random = new Random(20261124);
        int stored = 0, rejected = 0;
        for (var i = 0; i < 5000; i++)
        {
            var mapped = _mapper.Map(topic, Mutate(valid, random));
            Assert.True(mapped.Point is not null ^ !string.IsNullOrWhiteSpace(mapped.DeadLetterReason));
            _ = mapped.Point is null ? rejected++ : stored++;
        }

        Assert.True(rejected > 4000, $"{rejected} rejected, {stored} stored");
    }

    // Byte flips, cuts, insertions of JSON punctuation, and digit swaps: the damage transmission, bugs and attackers do.
    private static byte[] Mutate(byte[] valid, Random random)
    {
        var bytes = new List<byte>(valid);
        for (var n = random.Next(1, 4); n > 0 && bytes.Count > 0; n--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0: bytes[at] = (byte)random.Next(256); break;
                case 1: bytes.RemoveRange(at, bytes.Count - at); break;
                case 2: bytes.Insert(at, "{}[]\",:0-eE\\"u8[random.Next(12)]); break;
                case 3: bytes.RemoveAt(at); break;
                default: bytes[at] = bytes[at] is >= (byte)'0' and <= (byte)'9' ? (byte)random.Next('0', '9' + 1) : bytes[at]; break;
            }
        }

        return [.. bytes];
    }
}
