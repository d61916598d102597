using GzAiEdge.Inference.Processing;

namespace GzAiEdge.Inference.Tests.Processing;

public sealed class YoloDecoderTests
{
    // A 160x120 frame letterboxed into 128x128: scale 0.8, 16 px bars top and bottom.
    private static readonly LetterboxTransform Box = Letterbox.Fit(160, 120, 128, 128);

    [Fact]
    public void A_yolov8_output_decodes_to_known_frame_boxes_with_class_wise_nms()
    {
        // Columns (anchors), rows cx, cy, w, h, p(vehicle), p(pedestrian), in model-input pixels:
        // 0: vehicle 0.9 at (64,64) 32x16        -> frame (60,50)-(100,70)
        // 1: vehicle 0.8 shifted 2 px, IoU 0.88  -> suppressed by 0
        // 2: pedestrian 0.7 on the same box      -> kept: NMS is per class
        // 3: vehicle 0.3                         -> under the threshold
        // 4: vehicle 0.6 at (4,20) 16x16         -> frame (-5,-5)-(15,15), clipped to (0,0)-(15,15)
        float[][] anchors =
        [
            [64, 64, 32, 16, 0.9f, 0.1f],
            [66, 64, 32, 16, 0.8f, 0.1f],
            [64, 64, 32, 16, 0.2f, 0.7f],
            [30, 30, 10, 10, 0.3f, 0.1f],
            [4, 20, 16, 16, 0.6f, 0.0f],
        ];
        var output = new float[6 * anchors.Length];
        for (var a = 0; a < anchors.Length; a++)
        {
            for (var r = 0; r < 6; r++)
            {
                output[(r * anchors.Length) + a] = anchors[a][r];
            }
        }

        var results = new List<Detection>();
        new YoloDecoder(YoloLayout.V8, classes: 2, anchors: anchors.Length).Decode(output, Box, 160, 120, results);

        Assert.Equal(
            [new(0, 0.9f, 60, 50, 100, 70), new(1, 0.7f, 60, 50, 100, 70), new Detection(0, 0.6f, 0, 0, 15, 15)],
            results.Select(Round));
    }

    [Fact]
    public void A_yolov5_output_scores_objectness_times_class_probability()
    {
        // Rows per anchor: cx, cy, w, h, objectness, p(class 0), p(class 1).
        float[] output =
        [
            64, 64, 32, 16, 0.9f, 0.5f, 1.0f,   // class 1, score 0.9
            64, 64, 32, 16, 0.6f, 1.0f, 0.0f,   // class 0, score 0.6
            66, 64, 32, 16, 0.95f, 0.9f, 0.0f,  // class 0, score 0.855: suppresses anchor 1
            10, 10, 8, 8, 0.4f, 1.0f, 1.0f,     // 0.4: under the threshold
        ];

        var results = new List<Detection>();
        new YoloDecoder(YoloLayout.V5, classes: 2, anchors: 4).Decode(output, Box, 160, 120, results);

        Assert.Equal([new(1, 0.9f, 60, 50, 100, 70), new Detection(0, 0.855f, 62.5f, 50, 102.5f, 70)], results.Select(Round));
    }

    [Fact]
    public void Max_detections_caps_the_result()
    {
        var output = new float[6 * 3];
        for (var a = 0; a < 3; a++)
        {
            (output[a], output[3 + a], output[6 + a], output[9 + a], output[12 + a]) = (20 + (40 * a), 60, 10, 10, 0.9f - (0.1f * a));
        }

        var results = new List<Detection>();
        new YoloDecoder(YoloLayout.V8, 2, 3, maxDetections: 2).Decode(output, Box, 160, 120, results);

        Assert.Equal([0.9f, 0.8f], results.Select(d => MathF.Round(d.Score, 3)));
    }

    [Fact]
    public void An_output_of_the_wrong_size_is_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => new YoloDecoder(YoloLayout.V8, 2, 400).Decode(new float[100], Box, 160, 120, []));

        Assert.Contains("has 2400 values, got 100", ex.Message);
    }

    [Fact]
    public void Iou_of_hand_computed_boxes()
    {
        var a = new Detection(0, 1, 0, 0, 10, 10);

        Assert.Equal(25f / 175f, a.IoU(new Detection(0, 1, 5, 5, 15, 15)), 5);
        Assert.Equal(0f, a.IoU(new Detection(0, 1, 10, 0, 20, 10)));
        Assert.Equal(1f, a.IoU(a));
    }

    private static Detection Round(Detection d) =>
        new(d.ClassId, MathF.Round(d.Score, 3), MathF.Round(d.X1, 2), MathF.Round(d.Y1, 2), MathF.Round(d.X2, 2), MathF.Round(d.Y2, 2));
}
