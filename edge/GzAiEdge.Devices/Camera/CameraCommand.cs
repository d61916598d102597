using System.Globalization;
using System.Text;

namespace GzAiEdge.Devices.Camera;

/// <summary>
/// The child process a camera runs: ffmpeg (or gst-launch-1.0) writing raw RGB24 frames of exactly the
/// configured size and rate to its standard output, and its errors, only, to standard error.
/// </summary>
public sealed record CameraCommand(string Program, IReadOnlyList<string> Arguments)
{
    /// <summary>The command for <paramref name="options"/> (assumed to pass <see cref="CameraOptions.Check"/>).</summary>
    public static CameraCommand For(CameraOptions options) => options.Format == "gstreamer" ? GStreamer(options) : Ffmpeg(options);

    /// <summary><paramref name="text"/> with the password of any URL in it replaced by <c>***</c>: RTSP URLs carry credentials.</summary>
    public static string Redact(string text, string? url = null)
    {
        var secret = Secret(url ?? text);
        return secret is null ? text : text.Replace(secret, "***", StringComparison.Ordinal);
    }

    /// <summary>The userinfo (<c>user:password</c>) of <paramref name="url"/> as written in it, if it has one.</summary>
    internal static string? Secret(string url)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
        {
            return null;
        }

        var start = scheme + 3;
        var end = url.IndexOfAny(['/', '?', '#'], start);
        end = end < 0 ? url.Length : end;
        var at = end > start ? url.LastIndexOf('@', end - 1, end - start) : -1;
        return at > start ? url[start..at] : null;
    }

    private static CameraCommand Ffmpeg(CameraOptions o)
    {
        List<string> args = ["-hide_banner", "-nostdin", "-nostats", "-loglevel", "error"];
        switch (o.Format)
        {
            case "rtsp":
                args.AddRange(["-rtsp_transport", "tcp", "-i", o.Input]);
                break;
            case "v4l2":
                args.AddRange(["-f", "v4l2", "-i", o.Input]);
                break;
            case "file":
                // -re reads at the file's own frame rate, as a camera would deliver it.
                args.AddRange(o.Loop ? ["-re", "-stream_loop", "-1", "-i", o.Input] : ["-re", "-i", o.Input]);
                break;
            default:
                args.AddRange(["-re", "-f", "lavfi", "-i", o.Input]);
                break;
        }

        var fps = o.Fps.ToString(CultureInfo.InvariantCulture);
        args.AddRange(["-an", "-sn", "-dn", "-vf", $"fps={fps},scale={o.Width}:{o.Height}", "-pix_fmt", "rgb24", "-f", "rawvideo", "pipe:1"]);
        return new CameraCommand(o.Executable ?? "ffmpeg", args);
    }

    private static CameraCommand GStreamer(CameraOptions o)
    {
        var millis = (long)Math.Round(o.Fps * 1000);
        var gcd = (long)System.Numerics.BigInteger.GreatestCommonDivisor(millis, 1000);
        List<string> args = ["-q", .. Tokens(o.Pipeline)];
        args.AddRange(["!", "videoconvert", "!", "videoscale", "!", "videorate", "!",
            $"video/x-raw,format=RGB,width={o.Width},height={o.Height},framerate={millis / gcd}/{1000 / gcd}", "!", "fdsink", "fd=1"]);
        return new CameraCommand(o.Executable ?? "gst-launch-1.0", args);
    }

    // gst-launch joins its arguments with spaces after escaping the unquoted spaces inside each one, so the
    // pipeline must arrive split at its spaces (quoted values kept whole, quotes included), as a shell would.
    private static List<string> Tokens(string pipeline)
    {
        var tokens = new List<string>();
        var token = new StringBuilder();
        var quoted = false;
        foreach (var c in pipeline)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }

            if (char.IsWhiteSpace(c) && !quoted)
            {
                Flush();
            }
            else
            {
                token.Append(c);
            }
        }

        Flush();
        return tokens;

        void Flush()
        {
            if (token.Length > 0)
            {
                tokens.Add(token.ToString());
                token.Clear();
            }
        }
    }
}
