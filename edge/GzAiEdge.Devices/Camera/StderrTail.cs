namespace GzAiEdge.Devices.Camera;

/// <summary>
/// The last lines a child wrote to standard error, for the error message when it exits: ffmpeg and
/// GStreamer say there why an input cannot be opened. Credentials in the input URL are redacted.
/// </summary>
internal sealed class StderrTail(int lines, string? url)
{
    private const int MaxLineLength = 300;

    private readonly Queue<string> _lines = new();

    public void Add(string line)
    {
        line = CameraCommand.Redact(line.Length > MaxLineLength ? line[..MaxLineLength] : line, url).Trim();
        if (line.Length == 0)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Enqueue(line);
            while (_lines.Count > lines)
            {
                _lines.Dequeue();
            }
        }
    }

    public void Clear()
    {
        lock (_lines)
        {
            _lines.Clear();
        }
    }

    /// <summary>The lines kept, joined; "(nothing on stderr)" when there were none.</summary>
    public override string ToString()
    {
        lock (_lines)
        {
            return _lines.Count == 0 ? "(nothing on stderr)" : string.Join(" | ", _lines);
        }
    }
}
