using System.Buffers.Binary;
using GzAiEdge.Contracts.Evidence;

namespace GzAiEdge.EdgeRuntime.Evidence;

/// <summary>
/// An input as the model saw it, turned into what the ring stores: the letterboxed CHW tensor (values 0–1) back to an
/// RGB PNG at the model's resolution, or a channel-major window to interleaved float32 samples.
/// </summary>
public static class EvidenceCapture
{
    /// <summary>The PNG of a <paramref name="width"/> × <paramref name="height"/> CHW tensor of values in [0, 1].</summary>
    public static byte[] Png(ReadOnlySpan<float> chw, int width, int height)
    {
        var plane = width * height;
        var rgb = new byte[plane * 3];
        for (var i = 0; i < plane; i++)
        {
            for (var c = 0; c < 3; c++)
            {
                rgb[(i * 3) + c] = (byte)Math.Clamp(MathF.Round(chw[(c * plane) + i] * 255f), 0, 255);
            }
        }

        return Contracts.Evidence.Png.Encode(rgb, width, height);
    }

    /// <summary>Float32 little-endian samples, channels interleaved, of a channel-major (<c>[channels, length]</c>) window.</summary>
    public static byte[] Window(ReadOnlySpan<float> channelMajor, int channels)
    {
        var length = channelMajor.Length / channels;
        var bytes = new byte[channelMajor.Length * sizeof(float)];
        for (var t = 0; t < length; t++)
        {
            for (var c = 0; c < channels; c++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(((t * channels) + c) * sizeof(float)), channelMajor[(c * length) + t]);
            }
        }

        return bytes;
    }

    /// <summary>The outputs of a two-class decision (index 1 the positive class) with its probabilities.</summary>
    public static EvidenceOutputs TwoClass(IReadOnlyList<string> classes, ReadOnlySpan<float> probabilities, bool positive, double threshold) => new()
    {
        Positive = positive,
        Classes = classes,
        Scores = [probabilities[0], probabilities[1]],
        Decision = positive ? 1 : 0,
        Threshold = threshold,
    };
}
