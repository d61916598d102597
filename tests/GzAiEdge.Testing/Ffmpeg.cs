namespace GzAiEdge.Testing;

/// <summary>Runs the real ffmpeg (Debian <c>ffmpeg</c>) to make and decode test videos.</summary>
public static class Ffmpeg
{
    public static async Task RunAsync(params string[] args)
    {
        TestCategory.EnsureServersAllowed("ffmpeg");
        await using var ffmpeg = ChildProcess.Start("ffmpeg", ["-hide_banner", "-nostdin", "-loglevel", "error", "-y", .. args]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await ffmpeg.WaitForExitAsync(timeout.Token);
        if (ffmpeg.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg {string.Join(' ', args)} failed with code {ffmpeg.ExitCode}: {ffmpeg.Output}");
        }
    }

    /// <summary>The frames of <paramref name="video"/> as raw RGB24, decoded by ffmpeg on its own.</summary>
    public static async Task<byte[]> DecodeAsync(string video, int width, int height)
    {
        var raw = video + ".rgb";
        await RunAsync("-i", video, "-vf", $"scale={width}:{height}", "-pix_fmt", "rgb24", "-f", "rawvideo", raw);
        return await File.ReadAllBytesAsync(raw);
    }

    /// <summary>Writes raw RGB24 <paramref name="frames"/> to <paramref name="video"/> losslessly (rawvideo in NUT) at <paramref name="fps"/>.</summary>
    public static async Task EncodeAsync(byte[] frames, int width, int height, double fps, string video)
    {
        var raw = video + ".in.rgb";
        await File.WriteAllBytesAsync(raw, frames);
        await RunAsync("-f", "rawvideo", "-pix_fmt", "rgb24", "-s", $"{width}x{height}", "-r", fps.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-i", raw, "-c:v", "rawvideo", "-pix_fmt", "rgb24", video);
    }
}
