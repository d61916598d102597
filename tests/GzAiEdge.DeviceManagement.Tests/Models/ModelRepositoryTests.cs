using System.Security.Cryptography;
using System.Text.Json;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.DeviceManagement.Models;
using GzAiEdge.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GzAiEdge.DeviceManagement.Tests.Models;

public sealed class ModelRepositoryTests : IDisposable
{
    private readonly TempFolder _folder = new("gz-model-repository");
    private readonly ProgrammeSigner _programme = ProgrammeSigner.Create();

    private string Root => _folder.File("models");

    public void Dispose()
    {
        _programme.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public void A_repository_that_does_not_exist_yet_lists_nothing()
    {
        using var repository = Repository();

        Assert.Empty(repository.List());
        Assert.Null(repository.Find("detector", "1.0"));
    }

    [Fact]
    public void Models_are_listed_by_name_and_version_and_a_damaged_manifest_is_left_out()
    {
        Publish("detector", "2.0");
        Publish("detector", "1.0");
        Publish("classifier", "1.0");
        Directory.CreateDirectory(Path.Combine(Root, "broken", "1.0"));
        File.WriteAllText(Path.Combine(Root, "broken", "1.0", ModelRepository.ManifestFile), "{ not json");
        Directory.CreateDirectory(Path.Combine(Root, "Not A Name", "1.0"));
        using var repository = Repository();

        Assert.Equal([("classifier", "1.0"), ("detector", "1.0"), ("detector", "2.0")], repository.List().Select(m => (m.Name, m.Version)));
        Assert.Throws<InvalidDataException>(() => repository.Find("broken", "1.0"));
    }

    [Fact]
    public void A_manifest_that_describes_another_model_than_its_folder_is_refused()
    {
        var manifest = Publish("detector", "1.0");
        Directory.CreateDirectory(Path.Combine(Root, "detector", "9.9"));
        File.Copy(Path.Combine(Root, "detector", "1.0", ModelRepository.ManifestFile), Path.Combine(Root, "detector", "9.9", ModelRepository.ManifestFile));
        using var repository = Repository();

        var error = Assert.Throws<InvalidDataException>(() => repository.Find("detector", "9.9"));

        Assert.Contains("describes detector 1.0, not the folder's detector 9.9", error.Message, StringComparison.Ordinal);
        Assert.Equal(manifest, repository.Find("detector", "1.0"));
        Assert.Equal(Path.Combine(repository.Root, "detector", "1.0", ModelRepository.ContentFile), repository.ContentPath("detector", "1.0"));
    }

    [Theory]
    [InlineData("../outside", "1.0")]
    [InlineData("detector", "../../etc")]
    public void A_name_or_version_that_is_not_a_safe_path_segment_never_becomes_a_path(string name, string version)
    {
        using var repository = Repository();

        Assert.Throws<ArgumentException>(() => repository.Find(name, version));
        Assert.Throws<ArgumentException>(() => repository.ContentPath(name, version));
    }

    [Fact]
    public void With_a_programme_key_a_manifest_signed_by_another_key_does_not_verify()
    {
        File.WriteAllText(_folder.File("programme.pub.pem"), _programme.PublicKeyPem);
        using var other = ProgrammeSigner.Create();
        var own = Publish("detector", "1.0");
        var foreign = Publish("detector", "2.0", other);
        using var checking = Repository(_folder.File("programme.pub.pem"));
        using var trusting = Repository();

        Assert.Empty(checking.Verify(own));
        Assert.NotEmpty(checking.Verify(foreign));
        Assert.Empty(trusting.Verify(foreign));
    }

    private ModelRepository Repository(string? programmeKey = null) =>
        new(Options.Create(new ModelsOptions { Path = Root, ProgrammeKeyFile = programmeKey }), NullLogger<ModelRepository>.Instance);

    // What gz model sign writes.
    private ModelManifest Publish(string name, string version, ProgrammeSigner? signer = null)
    {
        var folder = Path.Combine(Root, name, version);
        Directory.CreateDirectory(folder);
        var content = RandomNumberGenerator.GetBytes(100);
        File.WriteAllBytes(Path.Combine(folder, ModelRepository.ContentFile), content);
        var manifest = (signer ?? _programme).Sign(new ModelManifest
        {
            V = ContractVersion.Current,
            Name = name,
            Version = version,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Size = content.Length,
            Created = new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero),
            VersionNumber = 1,
            Pipeline = "vitals-classification",
            Expires = new DateTimeOffset(2027, 11, 30, 8, 0, 0, TimeSpan.Zero),
        });
        File.WriteAllBytes(Path.Combine(folder, ModelRepository.ManifestFile), JsonSerializer.SerializeToUtf8Bytes(manifest, GzJsonContext.Default.ModelManifest));
        return manifest;
    }
}
