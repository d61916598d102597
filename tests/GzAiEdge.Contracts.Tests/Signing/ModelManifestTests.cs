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
            $$"""{"v":1,"name":"vitals-classifier","version":"2.0","versionNumber":2,"pipeline":"vitals-classification","sha256":"{{new string('a', 64)}}","size":7618,"created":"2026-11-30T08:00:00.0000000Z","expires":"2027-11-30T08:00:00.0000000Z","kid":"{{_programme.Kid}}"}""",
            Encoding.UTF8.GetString(CanonicalBytes.Of(read with { Sig = null })));
        Assert.Contains("\"downgrade\":true,\"kid\"", Encoding.UTF8.GetString(CanonicalBytes.Of(read with { Downgrade = true })), StringComparison.Ordinal);
    }

    public static TheoryData<string> Changes => ["name", "version", "versionNumber", "pipeline", "sha256", "size", "created", "expires", "downgrade"];

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
            "versionNumber" => signed with { VersionNumber = 3 },
            "pipeline" => signed with { Pipeline = "traffic-detection" },
            "expires" => signed with { Expires = signed.Expires.AddDays(1) },
            "downgrade" => signed with { Downgrade = true },
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
        var shape = JsonSerializer.SerializeToUtf8Bytes(Manifest() with { Name = "../etc", Sha256 = "ABC", Size = 0, VersionNumber = 0, Pipeline = "A B", Expires = Manifest().Created },
            GzJsonContext.Default.ModelManifest);

        Assert.False(MessageReader.TryReadManifest(extra, out _, out var unknown));
        Assert.Contains("url", Assert.Single(unknown).Why, StringComparison.Ordinal);
        Assert.False(MessageReader.TryReadManifest(shape, out _, out var errors));
        Assert.Equal(["name", "sha256", "size", "versionNumber", "pipeline", "expires"], errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData("traffic-detection", 1, false, "2027-01-01", "is for the vitals-classification pipeline; this device runs traffic-detection")]
    [InlineData("vitals-classification", 1, false, "2027-12-01", "expired at 2027-11-30T08:00:00.0000000+00:00")]
    [InlineData("vitals-classification", 2, false, "2027-01-01", "has version number 2, not above the 2 of the model running")]
    [InlineData("vitals-classification", 5, false, "2027-01-01", "has version number 2, not above the 5 of the model running: a downgrade installs only from a manifest the programme signed as one")]
    [InlineData("vitals-classification", 1, false, "2027-01-01", null)]
    [InlineData("vitals-classification", 0, false, "2027-01-01", null)]
    [InlineData("vitals-classification", 5, true, "2027-01-01", null)]
    [InlineData("vitals-classification", 2, true, "2027-01-01", null)]
    public void A_device_installs_only_a_newer_unexpired_release_for_its_pipeline_or_a_signed_downgrade(
        string pipeline, long running, bool downgrade, string now, string? refused)
    {
        var why = ModelManifestValidator.RefuseInstall(Manifest() with { Downgrade = downgrade }, pipeline, running,
            DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal));

        if (refused is null)
        {
            Assert.Null(why);
        }
        else
        {
            Assert.StartsWith(refused, why, StringComparison.Ordinal);
        }
    }

    private static ModelManifest Manifest() => new()
    {
        V = ContractVersion.Current,
        Name = "vitals-classifier",
        Version = "2.0",
        Sha256 = new string('a', 64),
        Size = 7618,
        Created = new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero),
        VersionNumber = 2,
        Pipeline = "vitals-classification",
        Expires = new DateTimeOffset(2027, 11, 30, 8, 0, 0, TimeSpan.Zero),
    };
}
