using System.IO.Compression;
using System.Text.Json;

namespace GzAiEdge.Devices.Replay;

/// <summary>
/// A replay folder loaded into memory: frames (RGB24), images, or an interleaved float signal, with its
/// manifest. Demo replays are small (a few MB unpacked), so they are read once and looped;
/// <see cref="ReplayFrameSource"/> and <see cref="ReplaySignalSource"/> play them.
/// </summary>
public sealed class ReplayData
{
    private ReplayData(string folder, ReplayManifest manifest, byte[] bytes, float[] signal)
    {
        Folder = folder;
        Manifest = manifest;
        Bytes = bytes;
        Signal = signal;
    }

    public string Folder { get; }

    public ReplayManifest Manifest { get; }

    /// <summary>Frames or images, one after another, each <c>Width * Height * 3</c> bytes.</summary>
    public byte[] Bytes { get; }

    /// <summary>A signal, channels interleaved per sample.</summary>
    public float[] Signal { get; }

    public int FrameBytes => Manifest.Width * Manifest.Height * 3;

    /// <summary>Throws unless the replay holds <paramref name="kind"/> (<c>frames</c>, <c>images</c>, <c>signal</c>).</summary>
    public void Require(string kind)
    {
        if (Manifest.Kind != kind)
        {
            throw new InvalidDataException($"replay {Folder} holds {Manifest.Kind}; this pipeline needs {kind}");
        }
    }

    /// <summary>Loads <c>manifest.json</c> and its data file from <paramref name="folder"/>.</summary>
    /// <exception cref="InvalidDataException">The manifest or data are missing or inconsistent; the message names the file.</exception>
    public static ReplayData Load(string folder)
    {
        var manifestPath = Path.Combine(folder, "manifest.json");
        if (!File.Exists(manifestPath))
        {
            throw new InvalidDataException($"replay folder {folder} has no manifest.json");
        }

        ReplayManifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize(File.ReadAllBytes(manifestPath), ReplayJsonContext.Default.ReplayManifest)
                ?? throw new InvalidDataException($"{manifestPath} is empty");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{manifestPath}: {ex.Message}", ex);
        }

        var dataPath = Path.Combine(folder, manifest.File);
        if (!File.Exists(dataPath))
        {
            throw new InvalidDataException($"{manifestPath} names {manifest.File}, which is not in {folder}");
        }

        var raw = Unzip(dataPath);
        return manifest.Encoding switch
        {
            "rgb24-gzip" => Frames(folder, manifest, raw, dataPath),
            "rgb24-delta-gzip" => Frames(folder, manifest, Undelta(raw, manifest.Width * manifest.Height * 3), dataPath),
            "f32le-gzip" => Series(folder, manifest, raw, dataPath),
            _ => throw new InvalidDataException($"{manifestPath}: encoding '{manifest.Encoding}' is not known; use rgb24-gzip, rgb24-delta-gzip or f32le-gzip"),
        };
    }

    private static ReplayData Frames(string folder, ReplayManifest manifest, byte[] bytes, string path)
    {
        var frame = manifest.Width * manifest.Height * 3;
        if (frame <= 0 || manifest.Count <= 0 || bytes.Length != frame * manifest.Count)
        {
            throw new InvalidDataException($"{path} holds {bytes.Length} bytes; {manifest.Count} frames of {manifest.Width}x{manifest.Height} RGB need {frame * manifest.Count}");
        }

        return new ReplayData(folder, manifest, bytes, []);
    }

    private static ReplayData Series(string folder, ReplayManifest manifest, byte[] bytes, string path)
    {
        var expected = (long)manifest.Count * manifest.Channels.Count * sizeof(float);
        if (manifest.Channels.Count == 0 || manifest.SampleHz <= 0 || bytes.Length != expected)
        {
            throw new InvalidDataException($"{path} holds {bytes.Length} bytes; {manifest.Count} samples of {manifest.Channels.Count} float32 channels at {manifest.SampleHz} Hz need {expected}");
        }

        var signal = new float[bytes.Length / sizeof(float)];
        for (var i = 0; i < signal.Length; i++)
        {
            signal[i] = BitConverter.ToSingle(bytes, i * sizeof(float));
        }

        return new ReplayData(folder, manifest, [], signal);
    }

    private static byte[] Unzip(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var memory = new MemoryStream();
        gzip.CopyTo(memory);
        return memory.ToArray();
    }

    // Frame i was stored as (frame i - frame i-1) mod 256, byte by byte; adding back in order restores it.
    private static byte[] Undelta(byte[] bytes, int frame)
    {
        for (var i = frame; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(bytes[i] + bytes[i - frame]);
        }

        return bytes;
    }
}
