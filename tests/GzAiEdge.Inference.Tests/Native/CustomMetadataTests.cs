using GzAiEdge.Inference.Metadata;
using GzAiEdge.Testing;

namespace GzAiEdge.Inference.Tests.Native;

public sealed class CustomMetadataTests
{
    // The keys Ultralytics' exporter writes for a detect model, in its order.
    private static readonly string[] UltralyticsKeys = ["description", "author", "date", "version", "license", "docs", "stride", "task", "batch", "imgsz", "names"];

    [Theory]
    [InlineData("traffic-yolov8-coco", "[1,3,640,640]")]
    [InlineData("traffic-yolov8-coco-dynamic", "[?,3,?,?]")]
    public void An_ultralytics_exports_metadata_is_read_from_the_file(string model, string inputShape)
    {
        using var session = Models.Open(model);

        Assert.Equal($"images float32{inputShape}", Assert.Single(session.Inputs).ToString());
        Assert.Equal(("torch_jit", 0L, "pytorch"), (session.GraphName, session.ModelVersion, session.ProducerName));
        Assert.Equal(UltralyticsKeys.Order(), session.CustomMetadata.Keys.Order());
        Assert.Equal("40", session.CustomMetadata["stride"]);
        Assert.Equal("[640, 640]", session.CustomMetadata["imgsz"]);
        Assert.StartsWith("{0: 'person', 1: 'bicycle', 2: 'car', ", session.CustomMetadata["names"]);

        var metadata = UltralyticsMetadata.Read(session);

        Assert.NotNull(metadata);
        Assert.Equal(("detect", 40, 1, new ImageSize(640, 640)), (metadata.Task, metadata.Stride, metadata.Batch, metadata.ImageSize));
        Assert.Equal(80, metadata.Names!.Count);
        Assert.Equal(("person", "car", "traffic light", "toothbrush"), (metadata.Names[0], metadata.Names[2], metadata.Names[9], metadata.Names[79]));
        Assert.Equal(("gzaiedge-traffic-coco", "1.0.0"), (metadata.ModelName, metadata.Version));
        Assert.Equal(2, metadata.ClassIndex("car"));
    }

    [Fact]
    public void A_model_without_custom_metadata_has_none_and_no_ultralytics_metadata()
    {
        using var session = Models.Open("traffic-detector");

        Assert.Empty(session.CustomMetadata);
        Assert.Null(UltralyticsMetadata.Read(session));
        Assert.Equal(("gzaiedge-models", "Vehicle/pedestrian detector on 128x128 letterboxed RGB road frames; YOLOv8 output layout."), (session.ProducerName, session.Description));
    }

    [Fact]
    public void A_malformed_value_in_a_model_file_names_the_file_and_the_key()
    {
        using var folder = new TempFolder();
        var path = ModelFiles.WithMetadata(folder, "tiny-add", ("task", "detect"), ("names", "{0: 'person', 1 'car'}"));
        using var session = InferenceSession.Open(Models.Runtime, path, new InferenceOptions());

        Assert.Equal("{0: 'person', 1 'car'}", session.CustomMetadata["names"]);
        var ex = Assert.Throws<ModelMetadataException>(() => UltralyticsMetadata.Read(session));

        Assert.Equal((path, "names"), (ex.ModelPath, ex.Key));
        Assert.Equal(
            $"model {path}: metadata 'names' is not a Python dict of class index to name such as \"{{0: 'person', 1: 'bicycle'}}\": " +
            "expected ':' after a key at character 17, found \"'\", in \"{0: 'person', 1 'car'}\"",
            ex.Message);
    }
}
