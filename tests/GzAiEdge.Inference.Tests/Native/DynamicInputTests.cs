using GzAiEdge.Inference.Native;
using GzAiEdge.Testing;

namespace GzAiEdge.Inference.Tests.Native;

/// <summary>Inputs with dynamic batch, height or width run at batch 1 and a size the caller gives, or are refused by name.</summary>
public sealed class DynamicInputTests
{
    private const string Dynamic = "traffic-yolov8-coco-dynamic", Static = "traffic-yolov8-coco";

    [Fact]
    public void A_dynamic_image_input_resolves_to_batch_1_at_the_size_given()
    {
        using var session = Models.Open(Dynamic);

        Assert.Equal([1L, 3, 480, 640], session.ResolveImageInput("images", new ImageSize(480, 640), stride: 40));
        Assert.Equal([1L, 3, 640, 640], session.ResolveImageInput("images", new ImageSize(640, 640)));
    }

    [Fact]
    public void A_static_image_input_resolves_to_its_own_shape_with_or_without_its_size()
    {
        using var session = Models.Open(Static);

        Assert.Equal([1L, 3, 640, 640], session.ResolveImageInput("images"));
        Assert.Equal([1L, 3, 640, 640], session.ResolveImageInput("images", new ImageSize(640, 640), stride: 40));
    }

    [Fact]
    public void A_binding_at_a_resolved_size_pre_allocates_the_output_at_the_shape_of_that_size()
    {
        using var session = Models.Open(Dynamic);
        Assert.Equal("output0 float32[?,84,?]", Assert.Single(session.Outputs).ToString());

        using var binding = session.CreateBinding(new Dictionary<string, long[]> { ["images"] = session.ResolveImageInput("images", new ImageSize(480, 640), 40) });

        Assert.Equal([1L, 3, 480, 640], binding.Inputs[0].Shape);
        Assert.Equal([1L, 84, 12 * 16], binding.OutputShape(0).ToArray());
        Assert.Equal(84 * 12 * 16, binding.Output<float>(0).Length);
        binding.Input<float>(0).Fill(114f / 255);
        binding.Run();
        Assert.All(binding.Output<float>(0)[(4 * 192)..].ToArray(), s => Assert.InRange(s, 0, 0.5f));   // grey: no object
    }

    [Fact]
    public void A_dynamic_output_bound_by_create_binding_has_its_shape_before_the_first_run()
    {
        using var session = Models.Open("tiny-scale");
        using var binding = session.CreateBinding(new Dictionary<string, long[]> { ["x"] = [2, 3] });

        Assert.Equal([2L, 3], binding.OutputShape(0).ToArray());
        binding.Input<float>(0).Fill(2);
        binding.Input<long>(1)[0] = 3;
        binding.Run();
        Assert.Equal(Enumerable.Repeat(6f, 6), binding.Output<float>(0).ToArray());
    }

    [Theory]
    [InlineData(Dynamic, 620, 640, 40, "input images float32[?,3,?,?] cannot run as [1,3,620,640]: the height 620 is not a multiple of the model's stride 40 (the nearest are 600 and 640)")]
    [InlineData(Dynamic, 640, 500, 40, "input images float32[?,3,?,?] cannot run as [1,3,640,500]: the width 500 is not a multiple of the model's stride 40 (the nearest are 480 and 520)")]
    [InlineData(Static, 480, 640, 40, "input images float32[1,3,640,640] cannot run as [1,3,480,640]: its height is fixed at 640")]
    [InlineData(Dynamic, 0, 640, null, "input images float32[?,3,?,?] cannot run as [1,3,0,640]: a height of 0 pixels is not possible")]
    public void A_size_the_model_cannot_take_is_refused_naming_the_model_file_the_input_and_the_shapes(string model, int height, int width, int? stride, string reason)
    {
        using var session = Models.Open(model);

        var ex = Assert.Throws<OnnxRuntimeException>(() => session.ResolveImageInput("images", new ImageSize(height, width), stride));

        Assert.Equal($"model 'torch_jit' ({Models.Path(model)}) {reason}", ex.Message);
        Assert.Equal(OrtErrorCode.InvalidArgument, ex.Code);
    }

    [Fact]
    public void A_dynamic_size_without_a_size_to_run_at_is_refused_with_what_to_give()
    {
        using var session = Models.Open(Dynamic);

        var ex = Assert.Throws<OnnxRuntimeException>(() => session.ResolveImageInput("images"));

        Assert.EndsWith("input images float32[?,3,?,?] cannot run as [1,3,?,?]: its height is dynamic; give the size to run at (from configuration or the model's imgsz metadata)", ex.Message);
    }

    [Fact]
    public void An_input_that_is_not_an_image_or_not_there_is_refused_by_name()
    {
        using var session = Models.Open("tiny-add");

        Assert.EndsWith("input x float32[1,16] is not an image input [N,C,H,W]: it has 2 dimensions", Assert.Throws<OnnxRuntimeException>(() => session.ResolveImageInput("x")).Message);
        Assert.EndsWith("has no input 'images'; its inputs are x float32[1,16]", Assert.Throws<OnnxRuntimeException>(() => session.ResolveImageInput("images")).Message);
    }

    [Fact]
    public void Shapes_that_do_not_fit_a_binding_are_refused_by_input_name()
    {
        using var session = Models.Open(Static);

        Assert.Contains("input 'images' expects shape [1,3,640,640], got [1,3,480,640]",
            Assert.Throws<OnnxRuntimeException>(() => session.CreateBinding(new Dictionary<string, long[]> { ["images"] = [1, 3, 480, 640] })).Message);
        Assert.Contains("has no input 'image'; its inputs are images float32[1,3,640,640]",
            Assert.Throws<OnnxRuntimeException>(() => session.CreateBinding(new Dictionary<string, long[]> { ["image"] = [1, 3, 640, 640] })).Message);
        Assert.Contains("input 'images' cannot take shape [1,3,-1,640]: every dimension must be given",
            Assert.Throws<OnnxRuntimeException>(() => session.CreateBinding(new Dictionary<string, long[]> { ["images"] = [1, 3, -1, 640] })).Message);
    }

    [Fact]
    public void A_binding_whose_sizing_run_fails_names_the_input_shapes()
    {
        using var folder = new TempFolder();
        var path = ModelFiles.DynamicReshape(folder);
        using var session = InferenceSession.Open(Models.Runtime, path, new InferenceOptions());

        var ex = Assert.Throws<OnnxRuntimeException>(() => session.CreateBinding(new Dictionary<string, long[]> { ["shape"] = [2] }));

        Assert.StartsWith($"model 'dynamic-reshape' ({path}): the first run, which sizes the dynamic outputs, failed with x float32[1], shape int64[2]: ", ex.Message);
        using var binding = session.CreateBinding(new Dictionary<string, long[]> { ["shape"] = [1] });
        Assert.Equal([1L], binding.OutputShape(0).ToArray());   // the rank the run gave, not the two the file declares
    }
}
