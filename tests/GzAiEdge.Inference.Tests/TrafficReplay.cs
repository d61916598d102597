using System.IO.Compression;
using System.Text.Json;
using GzAiEdge.Inference.Processing;
using GzAiEdge.Testing;

namespace GzAiEdge.Inference.Tests;

/// <summary>
/// The project's traffic replay (models/replay/traffic): RGB24 frames stored as byte-wise differences to the
/// previous frame, and the ground-truth boxes per frame (class 0 vehicle, 1 pedestrian).
/// </summary>
internal sealed class TrafficReplay
{
    private static readonly Lazy<TrafficReplay> Loaded = new(Load);

    private TrafficReplay(int width, int height, byte[][] frames, Detection[][] labels) =>
        (Width, Height, Frames, Labels) = (width, height, frames, labels);

    public static TrafficReplay Instance => Loaded.Value;

    public int Width { get; }

    public int Height { get; }

    public IReadOnlyList<byte[]> Frames { get; }

    public IReadOnlyList<Detection[]> Labels { get; }

    /// <summary>Letterboxes a frame into the binding's first input (<paramref name="size"/>), runs, and decodes with NMS.</summary>
    public List<Detection> Detect(SessionBinding binding, int frame, ImageSize size, YoloDecoder decoder)
    {
        var letterbox = Letterbox.ToChw(Frames[frame], Width, Height, binding.Input<float>(0), size.Width, size.Height);
        binding.Run();
        var results = new List<Detection>();
        decoder.Decode(binding.Output<float>(0), letterbox, Width, Height, results);
        return results;
    }

    private static TrafficReplay Load()
    {
        var folder = RepoPaths.Combine("models", "replay", "traffic");
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")));
        var root = manifest.RootElement;
        int width = root.GetProperty("width").GetInt32(), height = root.GetProperty("height").GetInt32(), count = root.GetProperty("count").GetInt32();
        using var gzip = new GZipStream(File.OpenRead(Path.Combine(folder, root.GetProperty("file").GetString()!)), CompressionMode.Decompress);
        var frames = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            frames[i] = new byte[width * height * 3];
            gzip.ReadExactly(frames[i]);
            for (var b = 0; i > 0 && b < frames[i].Length; b++)
            {
                frames[i][b] += frames[i - 1][b];   // undoes the difference, mod 256
            }
        }

        var labels = root.GetProperty("labels").EnumerateArray()
            .Select(f => f.EnumerateArray().Select(b => new Detection(b[0].GetInt32(), 1, b[1].GetSingle(), b[2].GetSingle(), b[3].GetSingle(), b[4].GetSingle())).ToArray())
            .ToArray();
        return new TrafficReplay(width, height, frames, labels);
    }
}
