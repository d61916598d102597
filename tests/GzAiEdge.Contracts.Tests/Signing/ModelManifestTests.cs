using System.Text;
using System.Text.Json;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Contracts.Validation;

namespace GzAiEdge.Contracts.Tests.Signing;

public sealed class ModelManifestTests : IDisposable
{
    private readonly ProgrammeSigner _programme = ProgrammeSigner.Create();
    private readonly SignatureCheck _check;

    public ModelManifestTests() => _check = SignatureCheck.FromPem(_programme.PublicKeyPem, "programme.pub.pem");

    public void Dispose()
    {
        _programme.Dispose();
        _check.Dispose();
    }

    [Fact]
    public void A_signed_manifest_verifies_after_the_wire_round_trip_and_has_fixed_canonical_bytes()
    {
        var signed = _programme.Sign(Manifest());
        var wire = JsonSerializer.SerializeToUtf8Bytes(signed, GzJsonContext.Default.ModelManifest);

        Assert.True(MessageReader.TryReadManifest(wire, out var read, out var errors), ContractError.Join(errors));
        Assert.Empty(ModelManifestValidator.Verify(read, _check));
        Assert.Equal(_programme.Kid, read.Kid);
        Assert.Equal(
            $$"""{"v":1,"name":"vitals-classifier","version":"2.0","sha256":"{{new string('a', 64)}}","size":7618,"created":"2026-11-30T08:00:00.0000000Z","kid":"{{_programme.Kid}}"}""",
            Encoding.UTF8.GetString(CanonicalBytes.Of(read with { Sig = null })));
    }

    public static TheoryData<string> Changes => ["name", "version", "sha256", "size", "created"];

    [Theory]
    [MemberData(nameof(Changes))]
    public void Any_field_changed_after_signing_breaks_the_signature(string field)
    {
        var signed = _programme.Sign(Manifest());
        var changed = field switch
        {
            "name" => signed with { Name = "traffic-detector" },
            "version" => signed with { Version = "2.1" },
            "sha256" => signed with { Sha256 = new string('b', 64) },
            "size" => signed with { Size = 7619 },
            _ => signed with { Created = signed.Created.AddSeconds(1) },
        };

        var error = Assert.Single(ModelManifestValidator.Verify(changed, _check));
        Assert.Equal("sig", error.Field);
        Assert.Contains("changed after it was signed", error.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void A_manifest_signed_with_another_key_or_not_at_all_is_refused_naming_why()
    {
        using var other = ProgrammeSigner.Create();

        var foreign = Assert.Single(ModelManifestValidator.Verify(other.Sign(Manifest()), _check));
        var unsigned = Assert.Single(ModelManifestValidator.Verify(Manifest(), _check));

        Assert.Equal(("kid", $"signed with another key, not the programme key {_programme.Kid}"), (foreign.Field, foreign.Why));
        Assert.Equal(("sig", "the manifest is not signed"), (unsigned.Field, unsigned.Why));
    }

    [Theory]
    [InlineData("..", "must start with a letter or digit")]
    [InlineData("1/2", "has '/'")]
    [InlineData("", "is empty")]
    [InlineData("v%2e", "has '%'")]
    public void A_version_that_is_not_a_safe_path_segment_is_refused(string version, string why)
    {
        Assert.Contains(why, ModelManifestValidator.CheckVersion(version), StringComparison.Ordinal);
        Assert.Null(ModelManifestValidator.CheckVersion("2.0-rc_1"));
    }

    [Fact]
    public void A_manifest_with_an_unknown_member_or_a_bad_shape_is_not_read()
    {
        var wire = JsonSerializer.SerializeToUtf8Bytes(_programme.Sign(Manifest()), GzJsonContext.Default.ModelManifest);
        var extra = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(wire).Replace("{\"v\":1", "{\"v\":1,\"url\":\"x\"", StringComparison.Ordinal));
        var shape = JsonSerializer.SerializeToUtf8Bytes(Manifest() with { Name = "../etc", Sha256 = "ABC", Size = 0 }, GzJsonContext.Default.ModelManifest);

        Assert.False(MessageReader.TryReadManifest(extra, out _, out var unknown));
        Assert.Contains("url", Assert.Single(unknown).Why, StringComparison.Ordinal);
        Assert.False(MessageReader.TryReadManifest(shape, out _, out var errors));
        Assert.Equal(["name", "sha256", "size"], errors.Select(e => e.Field));
    }

    private static ModelManifest Manifest() => new()
    {
        V = ContractVersion.Current,
        Name = "vitals-classifier",
        Version = "2.0",
        Sha256 = new string('a', 64),
        Size = 7618,
        Created = new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero),
    };
}
