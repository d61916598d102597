using System.Security.Cryptography;

namespace GzAiEdge.Audits.Storage;

/// <summary>
/// Files named by the SHA-256 of their content (<c>blobs/{sha256}</c>): test-set inputs, labels, audit inputs and the
/// answers devices sent. A file is written to a temporary name, hashed and moved into place, so a reader never sees half
/// of one, and the same content is kept once.
/// </summary>
public sealed class BlobStore
{
    private readonly string _folder;

    public BlobStore(string root)
    {
        _folder = Path.Combine(Path.GetFullPath(root), "blobs");
        Directory.CreateDirectory(_folder);
    }

    /// <summary>Stores what <paramref name="write"/> writes; returns its SHA-256 and size.</summary>
    public (string Sha256, long Size) Put(Action<Stream> write)
    {
        var temp = Path.Combine(_folder, $".{Guid.NewGuid():N}.tmp");
        try
        {
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                write(file);
                file.Flush(flushToDisk: true);
            }

            string sha256;
            long size;
            using (var file = File.OpenRead(temp))
            {
                (sha256, size) = (Convert.ToHexStringLower(SHA256.HashData(file)), file.Length);
            }

            File.Move(temp, PathOf(sha256), overwrite: true);
            return (sha256, size);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>Stores <paramref name="bytes"/>.</summary>
    public (string Sha256, long Size) Put(byte[] bytes) => Put(s => s.Write(bytes));

    /// <summary>Where the blob of <paramref name="sha256"/> is (it may be missing).</summary>
    public string PathOf(string sha256) =>
        sha256.Length == 64 && sha256.All(char.IsAsciiHexDigitLower) ? Path.Combine(_folder, sha256) : throw new ArgumentException($"not a SHA-256: {sha256}", nameof(sha256));

    /// <summary>Opens the blob for reading.</summary>
    /// <exception cref="FileNotFoundException">The store does not hold it.</exception>
    public Stream OpenRead(string sha256) => File.OpenRead(PathOf(sha256));
}
