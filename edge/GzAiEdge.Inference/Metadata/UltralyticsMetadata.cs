using System.Text.RegularExpressions;

namespace GzAiEdge.Inference.Metadata;

/// <summary>
/// What an Ultralytics export (YOLOv5, YOLOv8, YOLO11) says about its model in the file's metadata_props. The
/// exporter writes each value as Python's <c>str(value)</c>: <c>stride</c> "32", <c>imgsz</c> "[640, 640]"
/// (height, width), <c>names</c> "{0: 'person', 1: 'bicycle', ...}", <c>task</c> "detect". A property is null
/// when its key is absent. Note that <see cref="Version"/> is the version of the Ultralytics package that
/// exported the model, not a version of the model's weights.
/// </summary>
public sealed partial record UltralyticsMetadata
{
    private const int MaxExcerpt = 100;

    /// <summary>E.g. <c>Ultralytics YOLOv8n model trained on coco.yaml</c>.</summary>
    public string? Description { get; init; }

    /// <summary>E.g. <c>Ultralytics</c>.</summary>
    public string? Author { get; init; }

    /// <summary>The exporting package's version, e.g. <c>8.2.0</c>.</summary>
    public string? Version { get; init; }

    /// <summary><c>detect</c>, <c>segment</c>, <c>classify</c>, <c>pose</c> or <c>obb</c>.</summary>
    public string? Task { get; init; }

    /// <summary>The model's largest stride: a dynamic input's height and width must be multiples of it.</summary>
    public int? Stride { get; init; }

    /// <summary>The batch size the model was exported for.</summary>
    public int? Batch { get; init; }

    /// <summary>The input size the model was exported (and usually trained) at.</summary>
    public ImageSize? ImageSize { get; init; }

    /// <summary>Class names by class index: the rows of the output after the box, in this order.</summary>
    public IReadOnlyDictionary<int, string>? Names { get; init; }

    /// <summary>
    /// The model's name: the one in an Ultralytics description ("Ultralytics <b>YOLOv8n</b> model trained on
    /// coco.yaml"), else the description itself when it is one short line, else null.
    /// </summary>
    public string? ModelName => Description is not { } d ? null
        : UltralyticsDescription().Match(d) is { Success: true } m ? m.Groups["name"].Value
        : d.Length is > 0 and <= 64 && !d.Contains('\n', StringComparison.Ordinal) ? d.Trim()
        : null;

    /// <summary>The index of the class called <paramref name="name"/> (exact match first, then ignoring case); null when there is none.</summary>
    public int? ClassIndex(string name)
    {
        if (Names is null)
        {
            return null;
        }

        foreach (var comparison in (ReadOnlySpan<StringComparison>)[StringComparison.Ordinal, StringComparison.OrdinalIgnoreCase])
        {
            foreach (var (index, className) in Names.OrderBy(n => n.Key))
            {
                if (string.Equals(className, name, comparison))
                {
                    return index;
                }
            }
        }

        return null;
    }

    /// <summary>The Ultralytics metadata of <paramref name="session"/>'s model; null when it has none.</summary>
    /// <exception cref="ModelMetadataException">A value is malformed; the message names the model file and the key.</exception>
    public static UltralyticsMetadata? Read(InferenceSession session) => Parse(session.CustomMetadata, session.ModelPath);

    /// <summary>
    /// Reads Ultralytics' keys from a model's metadata_props. Null when none of <c>names</c>, <c>imgsz</c>,
    /// <c>stride</c> and <c>task</c> is there: the model was not exported by Ultralytics.
    /// </summary>
    /// <param name="metadata">The file's metadata_props (<see cref="InferenceSession.CustomMetadata"/>).</param>
    /// <param name="modelPath">The model file, named in errors.</param>
    /// <exception cref="ModelMetadataException">A value is malformed; the message names the model file and the key.</exception>
    public static UltralyticsMetadata? Parse(IReadOnlyDictionary<string, string> metadata, string modelPath)
    {
        if (!new[] { "names", "imgsz", "stride", "task" }.Any(metadata.ContainsKey))
        {
            return null;
        }

        return new UltralyticsMetadata
        {
            Description = metadata.GetValueOrDefault("description"),
            Author = metadata.GetValueOrDefault("author"),
            Version = metadata.GetValueOrDefault("version"),
            Task = Value(metadata, modelPath, "task", "a task name such as 'detect'", v => string.IsNullOrWhiteSpace(v) ? throw new FormatException("it is empty") : v.Trim()),
            Stride = Value(metadata, modelPath, "stride", "a positive integer such as '32'", v => (int?)Positive(PythonLiteral.ParseInt(v))),
            Batch = Value(metadata, modelPath, "batch", "a positive integer such as '1'", v => (int?)Positive(PythonLiteral.ParseInt(v))),
            ImageSize = Value(metadata, modelPath, "imgsz", "an image size such as '[640, 640]' (height, width) or '640'", v => (ImageSize?)Size(PythonLiteral.ParseIntOrIntList(v))),
            Names = Value(metadata, modelPath, "names", "a Python dict of class index to name such as \"{0: 'person', 1: 'bicycle'}\"", ClassNames),
        };
    }

    private static T? Value<T>(IReadOnlyDictionary<string, string> metadata, string modelPath, string key, string expected, Func<string, T> parse)
    {
        if (!metadata.TryGetValue(key, out var value))
        {
            return default;
        }

        try
        {
            return parse(value);
        }
        catch (FormatException ex)
        {
            var excerpt = value.Length <= MaxExcerpt ? value : $"{value[..MaxExcerpt]}… ({value.Length} characters)";
            throw new ModelMetadataException(modelPath, key, $"is not {expected}: {ex.Message}, in \"{excerpt}\"", ex);
        }
    }

    private static int Positive(int value) => value > 0 ? value : throw new FormatException($"{value} is not positive");

    private static ImageSize Size(List<int> values) => values switch
    {
        [var side] => new ImageSize(Positive(side), side),
        [var height, var width] => new ImageSize(Positive(height), Positive(width)),
        _ => throw new FormatException($"it has {values.Count} numbers, not 1 or 2"),
    };

    private static IReadOnlyDictionary<int, string> ClassNames(string value)
    {
        var names = PythonLiteral.ParseIntToStringDict(value);
        if (names.Count == 0)
        {
            throw new FormatException("it holds no classes");
        }

        return names.Keys.FirstOrDefault(k => k < 0) is var negative && negative < 0
            ? throw new FormatException($"class index {negative} is negative")
            : names.AsReadOnly();
    }

    [GeneratedRegex(@"^Ultralytics (?<name>\S+) model\b", RegexOptions.CultureInvariant)]
    private static partial Regex UltralyticsDescription();
}
