using System.Text.Json;
using GzAiEdge.Contracts.Validation;
using GzAiEdge.Scenarios.Audits;

namespace GzAiEdge.Audits.TestSets;

/// <summary>
/// A test set as a programme hands it over (docs/testsets.md): a folder with <c>manifest.json</c> (format, name, version,
/// pipeline, description, and the files of the pipeline's layout) beside the files it names.
/// </summary>
internal sealed class TestSetFolder
{
    public const string ManifestFile = "manifest.json";
    public const string Format = "gz-testset/1";

    private readonly JsonElement _manifest;

    private TestSetFolder(string path, JsonElement manifest, ImportErrors errors)
    {
        (Path, _manifest, Errors) = (path, manifest, errors);
        Name = Text("name", ModelManifestValidator.CheckName);
        Version = Text("version", ModelManifestValidator.CheckVersion);
        Pipeline = Text("pipeline", p => AuditedPipelines.IsAudited(p) ? null : $"'{p}' is not a pipeline an audit runs ({string.Join(", ", AuditedPipelines.All)})");
        Description = manifest.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
    }

    public string Path { get; }

    public ImportErrors Errors { get; }

    public string Name { get; }

    public string Version { get; }

    public string Pipeline { get; }

    public string? Description { get; }

    /// <summary>Reads <c>manifest.json</c>; problems go to the folder's <see cref="Errors"/>, which the caller throws.</summary>
    /// <exception cref="TestSetImportException">The folder or its manifest cannot be read at all.</exception>
    public static TestSetFolder Open(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var errors = new ImportErrors(full);
        var manifest = System.IO.Path.Combine(full, ManifestFile);
        if (!System.IO.File.Exists(manifest))
        {
            errors.Add(ManifestFile, null, $"missing: a test set folder holds {ManifestFile} (docs/testsets.md)");
            errors.ThrowIfAny();
        }

        JsonElement root = default;
        try
        {
            root = JsonDocument.Parse(System.IO.File.ReadAllBytes(manifest)).RootElement.Clone();
        }
        catch (JsonException ex)
        {
            errors.Add($"{ManifestFile}:{ex.LineNumber + 1}", null, $"not JSON: {ex.Message}");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add(ManifestFile, null, "must be a JSON object");
            errors.ThrowIfAny();
        }

        var folder = new TestSetFolder(full, root, errors);
        if (folder.Optional("format") is { } format && format != Format)
        {
            errors.Add(ManifestFile, null, $"format '{format}'; this build reads {Format}");
        }

        errors.ThrowIfAny();
        return folder;
    }

    /// <summary>The manifest's string member <paramref name="key"/>, or null.</summary>
    public string? Optional(string key) => _manifest.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>The manifest's member <paramref name="key"/>, or an undefined element.</summary>
    public JsonElement Member(string key) => _manifest.TryGetProperty(key, out var v) ? v : default;

    /// <summary>The full path of the file the manifest names under <paramref name="key"/>; null (with the problem noted) when unnamed or missing.</summary>
    public string? RequiredFile(string key)
    {
        if (Optional(key) is not { Length: > 0 } name)
        {
            Errors.Add(ManifestFile, null, $"'{key}' must name the {Pipeline} set's file (docs/testsets.md)");
            return null;
        }

        return File(ManifestFile, null, name);
    }

    /// <summary>The full path of <paramref name="relative"/> inside the folder; null (with the problem noted at <paramref name="where"/>) when outside or missing.</summary>
    public string? File(string where, string? item, string relative)
    {
        var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, relative));
        if (!full.StartsWith(Path + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            Errors.Add(where, item, $"file '{relative}' lies outside the test set folder");
            return null;
        }

        if (!System.IO.File.Exists(full))
        {
            Errors.Add(where, item, $"missing file '{relative}'");
            return null;
        }

        return full;
    }

    private string Text(string key, Func<string, string?> check)
    {
        var value = Optional(key);
        if (value is null)
        {
            Errors.Add(ManifestFile, null, $"'{key}' is missing");
            return string.Empty;
        }

        if (check(value) is { } why)
        {
            Errors.Add(ManifestFile, null, $"'{key}' {why}");
        }

        return value;
    }
}
