using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Contracts.Validation;
using GzAiEdge.DeviceManagement.Commands;
using Microsoft.Extensions.Options;

namespace GzAiEdge.DeviceManagement.Models;

/// <summary>
/// The signed models devices may install, in a folder (<see cref="ModelsOptions.Path"/>):
/// <c>{name}/{version}/manifest.json</c> beside <c>{name}/{version}/model.onnx</c>. Names and versions pass the shared
/// rules (<see cref="ModelManifestValidator"/>) before they become path segments, so no request reaches outside the folder.
/// </summary>
public sealed class ModelRepository : IDisposable
{
    public const string ManifestFile = "manifest.json";
    public const string ContentFile = "model.onnx";

    /// <summary>Beside a model's versions: the provider it belongs to, as the catalogue names them (<c>gz model sign --provider</c>).</summary>
    public const string ProviderFile = "provider.txt";

    private readonly ILogger<ModelRepository> _logger;
    private readonly SignatureCheck? _programmeKey;

    public ModelRepository(IOptions<ModelsOptions> options, ILogger<ModelRepository> logger)
    {
        _logger = logger;
        Root = Path.GetFullPath(options.Value.Path);
        _programmeKey = options.Value.ProgrammeKeyFile is { Length: > 0 } key ? SignatureCheck.FromPem(File.ReadAllText(key), key) : null;
    }

    /// <summary>The repository folder.</summary>
    public string Root { get; }

    /// <summary>Every readable manifest, by name and version; a damaged one is logged and left out.</summary>
    public IReadOnlyList<ModelManifest> List()
    {
        if (!Directory.Exists(Root))
        {
            return [];
        }

        var manifests = new List<ModelManifest>();
        foreach (var folder in Directory.EnumerateDirectories(Root).SelectMany(Directory.EnumerateDirectories))
        {
            var (name, version) = (Path.GetFileName(Path.GetDirectoryName(folder))!, Path.GetFileName(folder));
            if (ModelManifestValidator.CheckName(name) is null && ModelManifestValidator.CheckVersion(version) is null)
            {
                try
                {
                    manifests.Add(Find(name, version) ?? throw new InvalidDataException($"{folder}: no {ManifestFile}"));
                }
                catch (InvalidDataException ex)
                {
                    CommandLog.ManifestSkipped(_logger, ex.Message);
                }
            }
        }

        return [.. manifests.OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.Version, StringComparer.Ordinal)];
    }

    /// <summary>The manifest of a model version, or null when the repository does not hold it.</summary>
    /// <exception cref="InvalidDataException">The manifest is there but damaged, or does not describe its folder.</exception>
    public ModelManifest? Find(string name, string version)
    {
        var path = Path.Combine(Folder(name, version), ManifestFile);
        if (!File.Exists(path))
        {
            return null;
        }

        if (!MessageReader.TryReadManifest(File.ReadAllBytes(path), out var manifest, out var errors))
        {
            throw new InvalidDataException($"{path}: {ContractError.Join(errors)}");
        }

        return manifest.Name == name && manifest.Version == version
            ? manifest
            : throw new InvalidDataException($"{path}: describes {manifest.Name} {manifest.Version}, not the folder's {name} {version}");
    }

    /// <summary>
    /// The provider a model belongs to (its providers see it, and their devices may download it), or null for one of the
    /// programme's own, which only admins and evaluators see.
    /// </summary>
    public string? Owner(string name)
    {
        if (ModelManifestValidator.CheckName(name) is not null)
        {
            throw new ArgumentException($"not a model name: {name}");
        }

        var path = Path.Combine(Root, name, ProviderFile);
        return File.Exists(path) && File.ReadLines(path).FirstOrDefault()?.Trim() is { Length: > 0 } owner ? owner : null;
    }

    /// <summary>The model file of a version (which may be missing).</summary>
    public string ContentPath(string name, string version) => Path.Combine(Folder(name, version), ContentFile);

    /// <summary>Why the programme did not sign <paramref name="manifest"/>; empty when it did, or when no programme key is configured.</summary>
    public IReadOnlyList<ContractError> Verify(ModelManifest manifest) =>
        _programmeKey is null ? [] : ModelManifestValidator.Verify(manifest, _programmeKey);

    public void Dispose() => _programmeKey?.Dispose();

    private string Folder(string name, string version)
    {
        // The callers checked both already; this is the guard that holds even if one did not.
        if (ModelManifestValidator.CheckName(name) is not null || ModelManifestValidator.CheckVersion(version) is not null)
        {
            throw new ArgumentException($"not a model name and version: {name} {version}");
        }

        return Path.Combine(Root, name, version);
    }
}
