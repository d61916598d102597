namespace GzAiEdge.Devices.Camera;

/// <summary>One pooled frame buffer and what is known about the frame in it.</summary>
internal sealed class FrameBuffer(int bytes)
{
    public byte[] Pixels { get; } = new byte[bytes];

    public long Sequence { get; set; }

    public long Index { get; set; }

    public DateTimeOffset Time { get; set; }

    /// <summary>
    /// Fills <see cref="Pixels"/> from <paramref name="stream"/>; returns the bytes read: all of them for a whole
    /// frame, 0 at a clean end of stream, anything between when the stream ended inside a frame.
    /// </summary>
    public int Fill(Stream stream)
    {
        var read = 0;
        while (read < Pixels.Length)
        {
            var n = stream.Read(Pixels, read, Pixels.Length - read);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return read;
    }
}
