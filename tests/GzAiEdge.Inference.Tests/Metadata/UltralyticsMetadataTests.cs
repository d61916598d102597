using GzAiEdge.Inference.Metadata;

namespace GzAiEdge.Inference.Tests.Metadata;

public sealed class UltralyticsMetadataTests
{
    private const string Model = "/models/site.onnx";

    // As Ultralytics 8.2 writes them for yolov8n.pt (str() of each value), names shortened.
    private static readonly Dictionary<string, string> Yolov8n = new()
    {
        ["description"] = "Ultralytics YOLOv8n model trained on coco.yaml",
        ["author"] = "Ultralytics",
        ["date"] = "2024-05-20T10:11:12.131415",
        ["version"] = "8.2.18",
        ["license"] = "AGPL-3.0 License (https://ultralytics.com/license)",
        ["docs"] = "https://docs.ultralytics.com",
        ["stride"] = "32",
        ["task"] = "detect",
        ["batch"] = "1",
        ["imgsz"] = "[640, 640]",
        ["names"] = "{0: 'person', 1: 'bicycle', 2: 'car', 3: 'motorcycle', 9: 'traffic light'}",
    };

    [Fact]
    public void An_ultralytics_detect_export_gives_its_task_size_stride_names_and_model_name()
    {
        var metadata = UltralyticsMetadata.Parse(Yolov8n, Model);

        Assert.NotNull(metadata);
        Assert.Equal(("detect", 32, 1, new ImageSize(640, 640)), (metadata.Task, metadata.Stride, metadata.Batch, metadata.ImageSize));
        Assert.Equal(("YOLOv8n", "8.2.18", "Ultralytics"), (metadata.ModelName, metadata.Version, metadata.Author));
        Assert.Equal([(0, "person"), (1, "bicycle"), (2, "car"), (3, "motorcycle"), (9, "traffic light")], metadata.Names!.OrderBy(n => n.Key).Select(n => (n.Key, n.Value)));
    }

    [Theory]
    [InlineData("{0: \"driver's cab\"}", "driver's cab")]                             // repr switches to " for a '
    [InlineData("{0: 'say \"stop\" it\\'s'}", "say \"stop\" it's")]                 // both quotes: ' escaped
    [InlineData("{0: 'back\\\\slash'}", "back\\slash")]
    [InlineData("{0: 'tab\\there', }", "tab\there")]                                  // trailing comma
    [InlineData("{0: 'café', 1: '行人'}", "café")]                                    // printable non-ASCII as it is
    [InlineData("{0: 'bell\\x07', 1: 'x'}", "bell\a")]
    [InlineData("{0: 'snow \\u2603', 1: 'x'}", "snow \u2603")]
    [InlineData("{0: 'emoji \\U0001f697'}", "emoji \U0001f697")]
    [InlineData("{ 0 :'spaced out' , 1:'x' }", "spaced out")]
    [InlineData("{0: 'not\\qan escape'}", "not\\qan escape")]                          // Python keeps it as written
    public void Class_names_parse_as_python_writes_them(string names, string first)
    {
        var metadata = UltralyticsMetadata.Parse(new Dictionary<string, string> { ["names"] = names }, Model);

        Assert.Equal(first, metadata!.Names![0]);
    }

    [Theory]
    [InlineData("640", 640, 640)]
    [InlineData("[480, 640]", 480, 640)]
    [InlineData("(736, 1280)", 736, 1280)]
    [InlineData("[320]", 320, 320)]
    public void The_image_size_is_one_side_or_height_and_width(string imgsz, int height, int width)
    {
        var metadata = UltralyticsMetadata.Parse(new Dictionary<string, string> { ["imgsz"] = imgsz }, Model);

        Assert.Equal(new ImageSize(height, width), metadata!.ImageSize);
    }

    [Theory]
    [InlineData("names", "{0: 'person', 1 'car'}", "is not a Python dict of class index to name such as \"{0: 'person', 1: 'bicycle'}\": expected ':' after a key at character 17, found \"'\", in \"{0: 'person', 1 'car'}\"")]
    [InlineData("names", "{0: 'person', 0: 'car'}", "is not a Python dict of class index to name such as \"{0: 'person', 1: 'bicycle'}\": key 0 appears twice (second at character 15), in \"{0: 'person', 0: 'car'}\"")]
    [InlineData("names", "{0: 'person}", "is not a Python dict of class index to name such as \"{0: 'person', 1: 'bicycle'}\": the string opened at character 5 is not closed, in \"{0: 'person}\"")]
    [InlineData("names", "['person', 'car']", "is not a Python dict of class index to name such as \"{0: 'person', 1: 'bicycle'}\": expected '{' opening a dict at character 1, found '[', in \"['person', 'car']\"")]
    [InlineData("names", "{}", "is not a Python dict of class index to name such as \"{0: 'person', 1: 'bicycle'}\": it holds no classes, in \"{}\"")]
    [InlineData("names", "{-1: 'x'}", "is not a Python dict of class index to name such as \"{0: 'person', 1: 'bicycle'}\": class index -1 is negative, in \"{-1: 'x'}\"")]
    [InlineData("names", "{0: 'x\\u26'}", "is not a Python dict of class index to name such as \"{0: 'person', 1: 'bicycle'}\": the escape at character 7 needs 4 hexadecimal digits, in \"{0: 'x\\u26'}\"")]
    [InlineData("imgsz", "[640, 640, 3]", "is not an image size such as '[640, 640]' (height, width) or '640': it has 3 numbers, not 1 or 2, in \"[640, 640, 3]\"")]
    [InlineData("imgsz", "640x640", "is not an image size such as '[640, 640]' (height, width) or '640': expected the end of the value at character 4, found 'x', in \"640x640\"")]
    [InlineData("imgsz", "[0, 640]", "is not an image size such as '[640, 640]' (height, width) or '640': 0 is not positive, in \"[0, 640]\"")]
    [InlineData("stride", "32.0", "is not a positive integer such as '32': expected the end of the value at character 3, found '.', in \"32.0\"")]
    [InlineData("stride", "99999999999", "is not a positive integer such as '32': expected an integer that fits 32 bits at character 1, found '9', in \"99999999999\"")]
    [InlineData("task", " ", "is not a task name such as 'detect': it is empty, in \" \"")]
    public void A_malformed_value_names_the_model_the_key_and_what_is_wrong(string key, string value, string problem)
    {
        var ex = Assert.Throws<ModelMetadataException>(() => UltralyticsMetadata.Parse(new Dictionary<string, string> { [key] = value }, Model));

        Assert.Equal($"model {Model}: metadata '{key}' {problem}", ex.Message);
        Assert.Equal((Model, key), (ex.ModelPath, ex.Key));
    }

    [Fact]
    public void A_long_malformed_value_is_quoted_in_part()
    {
        var names = "{" + string.Join(", ", Enumerable.Range(0, 80).Select(i => $"{i}: 'class {i}'")) + ", 80 'oops'}";

        var ex = Assert.Throws<ModelMetadataException>(() => UltralyticsMetadata.Parse(new Dictionary<string, string> { ["names"] = names }, Model));

        Assert.Contains($"expected ':' after a key at character {names.IndexOf("80 '", StringComparison.Ordinal) + 4}", ex.Message);
        Assert.EndsWith($"… ({names.Length} characters)\"", ex.Message);
    }

    [Fact]
    public void A_model_without_ultralytics_keys_has_no_ultralytics_metadata()
    {
        Assert.Null(UltralyticsMetadata.Parse(new Dictionary<string, string>(), Model));
        Assert.Null(UltralyticsMetadata.Parse(new Dictionary<string, string> { ["description"] = "my model", ["author"] = "me" }, Model));
    }

    [Theory]
    [InlineData("Ultralytics YOLO11s model trained on coco.yaml", "YOLO11s")]
    [InlineData("Ultralytics YOLOv5su model trained on /data/site.yaml", "YOLOv5su")]
    [InlineData("site-detector-v3", "site-detector-v3")]
    [InlineData("A detector of forklifts and pallets trained for the west warehouse in the spring of 2026", null)]
    public void The_model_name_is_the_one_in_the_description_or_a_short_description(string description, string? name)
    {
        var metadata = UltralyticsMetadata.Parse(new Dictionary<string, string> { ["task"] = "detect", ["description"] = description }, Model);

        Assert.Equal(name, metadata!.ModelName);
    }

    [Fact]
    public void A_class_is_found_by_its_exact_name_first_then_ignoring_case()
    {
        var metadata = UltralyticsMetadata.Parse(new Dictionary<string, string> { ["names"] = "{0: 'Car', 1: 'car', 2: 'Bus'}" }, Model)!;

        Assert.Equal((1, 0, 2, (int?)null), (metadata.ClassIndex("car"), metadata.ClassIndex("Car"), metadata.ClassIndex("bus"), metadata.ClassIndex("truck")));
    }
}
