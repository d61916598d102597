using System.Security.Cryptography;
using GzAiEdge.Inference.Native;
using GzAiEdge.Testing;

namespace GzAiEdge.Inference.Tests.Native;

public sealed class InferenceSessionTests
{
    [Fact]
    public void Reads_inputs_outputs_and_the_model_identity()
    {
        using var session = Models.Open("tiny-add");

        Assert.Equal("x float32[1,16]", Assert.Single(session.Inputs).ToString());
        Assert.Equal("y float32[1,16]", Assert.Single(session.Outputs).ToString());
        Assert.Equal("tiny-add", session.GraphName);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Models.Path("tiny-add")))), session.Sha256);
        Assert.Equal(["cpu"], session.Providers.Chosen);
        Assert.Equal(0, session.ModelVersion);
        using var detector = Models.Open("traffic-detector");
        Assert.Equal(1, detector.ModelVersion);
    }

    [Fact]
    public void Runs_a_model_in_place_over_pinned_buffers()
    {
        using var session = Models.Open("tiny-add");
        using var binding = session.CreateBinding();
        for (var i = 0; i < 16; i++)
        {
            binding.Input<float>(0)[i] = i * 0.5f;
        }

        binding.Run();

        Assert.Equal(Enumerable.Range(0, 16).Select(i => (i * 0.5f) + 1), binding.Output<float>(0).ToArray());
    }

    [Fact]
    public void Dynamic_outputs_take_the_shape_of_the_run()
    {
        using var session = Models.Open("tiny-scale");
        Assert.Equal("x float32[?,?]", session.Inputs[0].ToString());
        using var x = new PinnedTensor<float>(Models.Runtime, "x", [2, 3]);
        using var k = new PinnedTensor<long>(Models.Runtime, "k", [1]);
        using var binding = session.Bind([x, k]);
        float[] values = [1, 2, 3, 4, 5, 6];
        values.CopyTo(x.Span);
        k.Span[0] = 3;

        binding.Run();
        binding.Run();

        Assert.Equal([2L, 3L], binding.OutputShape(0).ToArray());
        Assert.Equal(values.Select(v => v * 3), binding.Output<float>(0).ToArray());
    }

    [Fact]
    public void A_missing_model_file_is_named()
    {
        var ex = Assert.Throws<OnnxRuntimeException>(() => Models.Open("no-such-model"));

        Assert.Equal(OrtErrorCode.NoSuchFile, ex.Code);
        Assert.Contains(Models.Path("no-such-model"), ex.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_model_gives_onnx_runtimes_reason_and_the_path()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "broken.onnx");
        File.WriteAllText(path, "this is not a protobuf");

        var ex = Assert.Throws<OnnxRuntimeException>(() => InferenceSession.Open(Models.Runtime, path, new InferenceOptions()));

        Assert.StartsWith($"loading model {path}: ", ex.Message);
        Assert.NotEqual(OrtErrorCode.Ok, ex.Code);
    }

    [Fact]
    public void A_wrong_input_shape_names_the_model_and_the_input()
    {
        using var session = Models.Open("tiny-add");
        using var x = new PinnedTensor<float>(Models.Runtime, "x", [1, 8]);

        var ex = Assert.Throws<OnnxRuntimeException>(() => session.Bind([x]));

        Assert.Contains("model 'tiny-add'", ex.Message);
        Assert.Contains("input 'x' expects shape [1,16], got [1,8]", ex.Message);
    }

    [Fact]
    public void A_wrong_input_dtype_names_the_model_and_the_input()
    {
        using var session = Models.Open("tiny-scale");
        using var x = new PinnedTensor<float>(Models.Runtime, "x", [1, 4]);
        using var k = new PinnedTensor<float>(Models.Runtime, "k", [1]);

        var ex = Assert.Throws<OnnxRuntimeException>(() => session.Bind([x, k]));

        Assert.Contains("model 'tiny-scale'", ex.Message);
        Assert.Contains("input 'k' expects int64, got float32", ex.Message);
    }

    [Fact]
    public void Missing_and_unknown_inputs_are_named()
    {
        using var session = Models.Open("tiny-scale");
        using var x = new PinnedTensor<float>(Models.Runtime, "x", [1, 4]);
        using var z = new PinnedTensor<float>(Models.Runtime, "z", [1]);

        Assert.Contains("input 'k int64[1]' was not given", Assert.Throws<OnnxRuntimeException>(() => session.Bind([x])).Message);
        Assert.Contains("has no input 'z'", Assert.Throws<OnnxRuntimeException>(() => session.Bind([x, z])).Message);
    }

    [Fact]
    public void Reading_an_output_as_the_wrong_type_is_an_error()
    {
        using var session = Models.Open("tiny-add");
        using var binding = session.CreateBinding();
        binding.Run();

        var ex = Assert.Throws<OnnxRuntimeException>(() => binding.Output<long>(0).Length);

        Assert.Contains("output 'y' holds float32, not Int64", ex.Message);
    }
}
