using System.Text;
using System.Text.Json;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Contracts.Topics;
using GzAiEdge.Contracts.Validation;

namespace GzAiEdge.Contracts.Tests.Signing;

/// <summary>Commands signed by the cloud's command key, checked by a device against the command keys it holds.</summary>
public sealed class CommandSigningTests : IDisposable
{
    private static readonly DateTimeOffset Issued = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);
    private readonly CommandSigner _signer = CommandSigner.Create();
    private readonly CommandKeyRing _ring;

    public CommandSigningTests() => _ring = CommandKeyRing.FromPem([(_signer.PublicKeyPem, "command-key.pub.pem")]);

    public void Dispose()
    {
        _signer.Dispose();
        _ring.Dispose();
    }

    [Fact]
    public void A_signed_command_verifies_after_the_wire_round_trip_and_has_fixed_canonical_bytes()
    {
        var signed = _signer.Sign(Command());
        var wire = JsonSerializer.SerializeToUtf8Bytes(signed, GzJsonContext.Default.DeviceCommand);

        Assert.True(MessageReader.TryRead(wire, GzJsonContext.Default.DeviceCommand, GzTopic.Create("site-1", "cam-01", MessageKind.Cmd), out var read, out var errors),
            ContractError.Join(errors));
        Assert.Equal(CommandSignatureStatus.Valid, _ring.Check(read).Status);
        Assert.Equal(
            $$"""{"v":1,"id":"{{new string('a', 32)}}","site":"site-1","device":"cam-01","issued":"2026-11-30T08:00:00+00:00","expires":"2026-11-30T08:10:00+00:00","type":"config.set","arguments":{"Pipeline:DecisionThreshold":"0.6","Source:Speed":"2"},"kid":"{{_signer.Kid}}"}""",
            Encoding.UTF8.GetString(CanonicalBytes.Of(read)));
    }

    [Fact]
    public void Canonical_bytes_do_not_depend_on_argument_order_and_no_arguments_are_an_empty_object()
    {
        var one = Command() with { Arguments = new Dictionary<string, string> { ["Source:Speed"] = "2", ["Pipeline:DecisionThreshold"] = "0.6" } };
        var restart = Command() with { Type = "pipeline.restart", Arguments = null };

        Assert.Equal(CanonicalBytes.Of(Command()), CanonicalBytes.Of(one));
        Assert.Equal(CanonicalBytes.Of(restart), CanonicalBytes.Of(restart with { Arguments = new Dictionary<string, string>() }));
        Assert.Equal(CanonicalBytes.Of(restart), CanonicalBytes.Of(restart with { Sig = "anything" }));
        Assert.Contains("\"ch\":\"天河\"", Encoding.UTF8.GetString(CanonicalBytes.Of(Command() with { Arguments = new Dictionary<string, string> { ["ch"] = "天河" } })), StringComparison.Ordinal);
    }

    // Every member of the record is signed, so a member a new command type adds cannot be changed unnoticed.
    [Fact]
    public void Every_member_of_a_command_is_covered_by_its_signature()
    {
        var members = typeof(DeviceCommand).GetProperties().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).Where(n => n != "sig").ToList();
        var canonical = JsonDocument.Parse(CanonicalBytes.Of(_signer.Sign(Command()))).RootElement.EnumerateObject().Select(p => p.Name).ToList();

        Assert.Equal(members, canonical);
    }

    public static TheoryData<string> Changes => ["id", "site", "device", "issued", "expires", "type", "argument", "added argument", "kid"];

    [Theory]
    [MemberData(nameof(Changes))]
    public void Any_field_changed_after_signing_is_a_bad_signature(string field)
    {
        var signed = _signer.Sign(Command());
        var changed = field switch
        {
            "id" => signed with { Id = new string('b', 32) },
            "site" => signed with { Site = "site-2" },
            "device" => signed with { Device = "cam-02" },
            "issued" => signed with { Issued = Issued.AddSeconds(-1) },
            "expires" => signed with { Expires = Issued.AddDays(7) },
            "type" => signed with { Type = "pipeline.restart" },
            "argument" => signed with { Arguments = new Dictionary<string, string> { ["Pipeline:DecisionThreshold"] = "0.1", ["Source:Speed"] = "2" } },
            "added argument" => signed with { Arguments = new Dictionary<string, string>(signed.Arguments!) { ["Source:Seed"] = "1" } },
            _ => signed with { Kid = new string('0', 16) },
        };

        var check = _ring.Check(changed);

        Assert.Equal(field == "kid" ? CommandSignatureStatus.UnknownKey : CommandSignatureStatus.BadSignature, check.Status);
    }

    [Fact]
    public void Unsigned_unknown_key_and_bad_signature_are_told_apart_in_words()
    {
        using var other = CommandSigner.Create();
        var signed = _signer.Sign(Command());

        var unsigned = _ring.Check(Command());
        var foreign = _ring.Check(other.Sign(Command()));
        var broken = _ring.Check(signed with { Sig = Convert.ToBase64String(new byte[64]) });
        var garbage = _ring.Check(signed with { Sig = "not base64", Kid = "../../etc/passwd-and-more" });

        Assert.Equal((CommandSignatureStatus.Unsigned, "unsigned: the command carries no kid and sig; a device runs only commands signed with a command key"), (unsigned.Status, unsigned.Why));
        Assert.Equal(CommandSignatureStatus.UnknownKey, foreign.Status);
        Assert.Equal($"unknown key: signed with key '{other.Kid}', which is not one of this device's command keys ({_signer.Kid}; commands: commandKeyFiles)", foreign.Why);
        Assert.Equal(CommandSignatureStatus.BadSignature, broken.Status);
        Assert.StartsWith($"bad signature: does not verify with command key {_signer.Kid}", broken.Why, StringComparison.Ordinal);
        Assert.Equal(CommandSignatureStatus.UnknownKey, garbage.Status);
        Assert.Contains("'??????etc?passwd…'", garbage.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ring_of_two_keys_accepts_either_so_that_a_key_can_be_rotated_and_refuses_one_key_listed_twice()
    {
        using var next = CommandSigner.Create();
        using var ring = CommandKeyRing.FromPem([(_signer.PublicKeyPem, "old.pub.pem"), (next.PublicKeyPem, "new.pub.pem")]);

        Assert.True(ring.Check(_signer.Sign(Command())).IsValid);
        Assert.True(ring.Check(next.Sign(Command())).IsValid);
        Assert.Equal(new[] { _signer.Kid, next.Kid }.Order(StringComparer.Ordinal), ring.Kids);
        var twice = Assert.Throws<InvalidDataException>(() => CommandKeyRing.FromPem([(next.PublicKeyPem, "a.pem"), (next.PublicKeyPem, "b.pem")]));
        Assert.Equal($"b.pem: command key {next.Kid} is listed twice", twice.Message);
    }

    [Fact]
    public void A_signature_field_of_the_wrong_shape_fails_validation()
    {
        var errors = DeviceCommandValidator.Validate(Command() with { Kid = "xyz", Sig = "!!" });

        Assert.Equal(["kid", "sig"], errors.Select(e => e.Field));
    }

    private static DeviceCommand Command() => new()
    {
        V = ContractVersion.Current,
        Id = new string('a', 32),
        Site = "site-1",
        Device = "cam-01",
        Issued = Issued,
        Expires = Issued.AddMinutes(10),
        Type = "config.set",
        Arguments = new Dictionary<string, string> { ["Pipeline:DecisionThreshold"] = "0.6", ["Source:Speed"] = "2" },
    };
}
