using System.Text;
using System.Text.Json;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Contracts.Topics;
using GzAiEdge.Contracts.Validation;

namespace GzAiEdge.Contracts.Tests.Signing;

public sealed class SigningTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly DeviceSigner _signer = DeviceSigner.Create();
    private readonly SignatureCheck _check;

    public SigningTests() => _check = SignatureCheck.FromPem(_signer.PublicKeyPem, "test");

    public void Dispose()
    {
        _signer.Dispose();
        _check.Dispose();
    }

    public static TheoryData<double> AwkwardValues => [0.1, 1.0 / 3, 5e-324, 1.7976931348623157e308, -0.0, 123456789.12345679, 1e21, 2.5e-7];

    [Theory]
    [MemberData(nameof(AwkwardValues))]
    public void A_signed_report_verifies_after_the_wire_round_trip_for_awkward_floats(double value)
    {
        var signed = _signer.Sign(Report(value));
        var wire = JsonSerializer.SerializeToUtf8Bytes(signed, GzJsonContext.Default.KpiReport);

        Assert.True(MessageReader.TryRead(wire, GzJsonContext.Default.KpiReport, GzTopic.Create("s1", "d1", MessageKind.Kpi), out var read, out var errors),
            ContractError.Join(errors));
        var hash = ChainHash.Compute(CanonicalBytes.Of(read));

        Assert.Equal(ChainHash.Compute(CanonicalBytes.Of(signed)), hash);
        Assert.True(_check.Verify(hash, read.Sig!));
        Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(read.Kpis["a"]));
    }

    [Fact]
    public void Canonical_bytes_do_not_depend_on_kpi_order_or_wire_layout()
    {
        var one = Report(1) with { Kpis = new Dictionary<string, double> { ["b"] = 2, ["a"] = 1 } };
        var two = Report(1) with { Kpis = new Dictionary<string, double> { ["a"] = 1, ["b"] = 2 } };

        Assert.Equal(CanonicalBytes.Of(one), CanonicalBytes.Of(two));
        Assert.Equal(
            """{"v":1,"site":"s1","device":"d1","scenario":"x","seq":7,"windowStart":"2026-11-01T08:00:00.0000000Z","windowEnd":"2026-11-01T08:00:10.0000000Z","kpis":{"a":1,"b":2},"prev":"""
            + $"\"{ChainHash.Genesis}\"}}",
            Encoding.UTF8.GetString(CanonicalBytes.Of(one)));
    }

    [Fact]
    public void A_changed_kpi_or_a_changed_link_breaks_the_signature()
    {
        var signed = _signer.Sign(Report(1));

        Assert.False(_check.Verify(ChainHash.Compute(CanonicalBytes.Of(signed with { Kpis = new Dictionary<string, double> { ["a"] = 1.0000001 } })), signed.Sig!));
        Assert.False(_check.Verify(ChainHash.Compute(CanonicalBytes.Of(signed with { Prev = new string('1', 64) })), signed.Sig!));
        Assert.True(_check.Verify(ChainHash.Compute(CanonicalBytes.Of(signed)), signed.Sig!));
    }

    [Fact]
    public void Another_key_has_another_id_and_its_signature_does_not_verify()
    {
        using var other = DeviceSigner.Create();
        var forged = other.Sign(Report(1));

        Assert.NotEqual(_signer.Kid, other.Kid);
        Assert.False(_check.Verify(ChainHash.Compute(CanonicalBytes.Of(forged)), forged.Sig!));
    }

    [Theory]
    [InlineData("prev", "xyz", "64 lowercase hex")]
    [InlineData("kid", "ABC", "16 lowercase hex")]
    [InlineData("sig", "bm90IGEgc2ln", "64-byte")]
    public void Malformed_chain_fields_are_structural_errors(string field, string value, string why)
    {
        var signed = _signer.Sign(Report(1));
        var bad = field switch
        {
            "prev" => signed with { Prev = value },
            "kid" => signed with { Kid = value },
            _ => signed with { Sig = value },
        };

        var error = Assert.Single(KpiReportValidator.Validate(bad));

        Assert.Equal(field, error.Field);
        Assert.Contains(why, error.Why);
    }

    private static KpiReport Report(double value) => new()
    {
        V = 1,
        Site = "s1",
        Device = "d1",
        Scenario = "x",
        Seq = 7,
        WindowStart = Start,
        WindowEnd = Start.AddSeconds(10),
        Kpis = new Dictionary<string, double> { ["a"] = value },
        Prev = ChainHash.Genesis,
    };
}
