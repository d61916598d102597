using GzAiEdge.Inference.Metadata;

namespace GzAiEdge.Inference.Tests.Metadata;

public sealed class ModelIdentityTests
{
    private static readonly UltralyticsMetadata Yolo = new() { Description = "Ultralytics YOLOv8n model trained on coco.yaml", Version = "8.2.18", Task = "detect" };

    [Fact]
    public void The_configuration_comes_first()
    {
        Assert.Equal(new ModelIdentity("site-cars", "3.1"), ModelIdentity.Resolve("site-cars", "3.1", Yolo, "torch_jit", 0, "/m/yolov8n.onnx"));
    }

    [Fact]
    public void The_ultralytics_metadata_comes_before_the_graph()
    {
        Assert.Equal(new ModelIdentity("YOLOv8n", "8.2.18"), ModelIdentity.Resolve(null, " ", Yolo, "torch_jit", 0, "/m/yolov8n.onnx"));
    }

    [Fact]
    public void Each_part_comes_from_the_first_source_that_has_it()
    {
        Assert.Equal(new ModelIdentity("YOLOv8n", "7"), ModelIdentity.Resolve(null, "7", Yolo, "detector", 2, "/m/a.onnx"));
        Assert.Equal(new ModelIdentity("mine", "8.2.18"), ModelIdentity.Resolve("mine", null, Yolo, "detector", 2, "/m/a.onnx"));
        Assert.Equal(new ModelIdentity("detector", "2"), ModelIdentity.Resolve(null, null, new UltralyticsMetadata { Task = "detect" }, "detector", 2, "/m/a.onnx"));
    }

    [Theory]
    [InlineData("torch_jit")]
    [InlineData("torch-jit-export")]
    [InlineData("main_graph")]
    [InlineData("")]
    public void An_exporters_default_graph_name_gives_way_to_the_file_name(string graphName)
    {
        Assert.Equal(new ModelIdentity("site-detector", "0"), ModelIdentity.Resolve(null, null, null, graphName, 0, "/models/site-detector.onnx"));
    }

    [Theory]
    [InlineData("traffic-detector", "traffic-detector", "1")]
    [InlineData("traffic-yolov8-coco", "gzaiedge-traffic-coco", "1.0.0")]
    public void A_loaded_model_reports_the_name_and_version_its_file_gives(string model, string name, string version)
    {
        using var session = Models.Open(model);

        Assert.Equal(new ModelIdentity(name, version), ModelIdentity.Resolve(session, UltralyticsMetadata.Read(session), null, null));
    }
}
