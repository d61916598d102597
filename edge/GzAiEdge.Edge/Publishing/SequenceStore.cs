using System.Globalization;

namespace GzAiEdge.Edge.Publishing;

/// <summary>
/// Hands out the per-device report sequence (gap-free from 1) and keeps the last one on disk, so
/// that <c>seq</c> continues after a restart. The number is made durable before the report that
/// carries it leaves the process: a crash may then skip nothing already published.
/// </summary>
public sealed class SequenceStore
{
    private readonly string _path;
    private readonly Lock _gate = new();

    public SequenceStore(string directory, string device)
    {
        Directory.CreateDirectory(directory);
        _path = Path.Combine(directory, $"{device}.seq");
        Last = ReadLast(_path);
    }

    /// <summary>The last sequence number handed out (0 before the first report).</summary>
    public long Last { get; private set; }

    public long Next()
    {
        lock (_gate)
        {
            var next = Last + 1;
            var temp = _path + ".tmp";
            using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 64, FileOptions.WriteThrough))
            {
                file.Write(System.Text.Encoding.ASCII.GetBytes(next.ToString(CultureInfo.InvariantCulture)));
                file.Flush(flushToDisk: true);
            }

            // Rename is atomic on POSIX: a crash leaves either the old or the new number, never half a file.
            File.Move(temp, _path, overwrite: true);
            Last = next;
            return next;
        }
    }

    private static long ReadLast(string path)
    {
        if (!File.Exists(path))
        {
            return 0;
        }

        var text = File.ReadAllText(path).Trim();
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var last) && last >= 0
            ? last
            : throw new InvalidDataException($"{path}: expected the last report sequence number, found '{text}'");
    }
}
