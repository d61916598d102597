using System.Security.Cryptography;
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
        var hash = ChainHash.Of(read);

        Assert.Equal(ChainHash.Of(signed), hash);
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

        Assert.False(_check.Verify(ChainHash.Of(signed with { Kpis = new Dictionary<string, double> { ["a"] = 1.0000001 } }), signed.Sig!));
        Assert.False(_check.Verify(ChainHash.Of(signed with { Prev = new string('1', 64) }), signed.Sig!));
        Assert.True(_check.Verify(ChainHash.Of(signed), signed.Sig!));
    }

    [Fact]
    public void Another_key_has_another_id_and_its_signature_does_not_verify()
    {
        using var other = DeviceSigner.Create();
        var forged = other.Sign(Report(1));

        Assert.NotEqual(_signer.Kid, other.Kid);
        Assert.False(_check.Verify(ChainHash.Of(forged), forged.Sig!));
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

    [Fact]
    public void A_key_that_is_not_p256_or_not_pem_is_refused_naming_where_it_came_from()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var registry = Path.Combine(Path.GetTempPath(), $"gz-keys-{Guid.NewGuid():N}.json");
        var keyFile = Path.Combine(Path.GetTempPath(), $"gz-key-{Guid.NewGuid():N}.pem");
        try
        {
            DeviceKeyRegistry.Save(registry, new DeviceKeyRegistryFile(
                [new DeviceKeyEntry("s1", "d1", _signer.PublicKeyPem), new DeviceKeyEntry("s1", "d2", p384.ExportSubjectPublicKeyInfoPem())]));
            File.WriteAllText(keyFile, "not a key");

            var wrongCurve = Assert.Throws<InvalidDataException>(() => DeviceKeyRegistry.Load(registry));
            var notPem = Assert.Throws<InvalidDataException>(() => DeviceSigner.FromPemFile(keyFile));

            Assert.Equal($"{registry}: devices[1] (s1/d2): an ECDSA P-256 key is needed, this one has 384 bits", wrongCurve.Message);
            Assert.StartsWith($"{keyFile}: not a PEM ECDSA private key (", notPem.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(registry);
            File.Delete(keyFile);
        }
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
