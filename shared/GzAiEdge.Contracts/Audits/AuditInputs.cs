using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Validation;

namespace GzAiEdge.Contracts.Audits;

/// <summary>
/// The inputs file of a test set and of an audit: a gzip-compressed tar whose first entry <c>items.json</c> lists the
/// items (<see cref="AuditInputsIndex"/>) and whose entries <c>items/{id}</c> hold each item's raw values, in the same
/// order. No labels: the file is what a device downloads. Written with fixed entry times and modes, so the same items
/// give the same bytes, and so the same SHA-256.
/// </summary>
public static class AuditInputs
{
    /// <summary>The format name <c>items.json</c> carries.</summary>
    public const string Format = "gz-audit-inputs/1";

    private const string IndexEntry = "items.json";
    private const int MaxIndexBytes = 32 * 1024 * 1024;

    /// <summary>Writes <paramref name="items"/> for <paramref name="pipeline"/> to <paramref name="destination"/> (left open).</summary>
    public static void Write(Stream destination, string pipeline, IReadOnlyList<AuditInput> items)
    {
        using var gzip = new GZipStream(destination, CompressionLevel.Optimal, leaveOpen: true);
        using var tar = new TarWriter(gzip, TarEntryFormat.Ustar, leaveOpen: true);
        var index = new AuditInputsIndex(Format, pipeline, [.. items.Select(i => new AuditInputEntry(i.Id, i.Kind, i.Width, i.Height, i.Samples, i.Channels, i.SampleHz))]);
        Add(tar, IndexEntry, JsonSerializer.SerializeToUtf8Bytes(index, GzJsonContext.Default.AuditInputsIndex));
        foreach (var item in items)
        {
            Add(tar, $"items/{item.Id}", item.Data);
        }
    }

    /// <summary>Reads an inputs file, holding at most <paramref name="maxBytes"/> of item data.</summary>
    /// <exception cref="InvalidDataException">The file is not an inputs file, or an item is missing, twice, or not the size its shape needs (the message names it).</exception>
    public static (string Pipeline, IReadOnlyList<AuditInput> Items) Read(Stream source, long maxBytes)
    {
        try
        {
            using var gzip = new GZipStream(source, CompressionMode.Decompress, leaveOpen: true);
            using var tar = new TarReader(gzip);
            var first = tar.GetNextEntry() ?? throw new Refused("the file is empty");
            if (first.Name != IndexEntry || first.Length > MaxIndexBytes)
            {
                throw new Refused($"the first entry is '{first.Name}', not {IndexEntry}");
            }

            var index = ReadIndex(Bytes(first));
            var items = new List<AuditInput>(index.Items.Count);
            long total = 0;
            foreach (var entry in index.Items)
            {
                var data = tar.GetNextEntry() ?? throw new Refused($"item '{entry.Id}': no data (the file ends)");
                var item = new AuditInput(entry.Id, entry.Kind, entry.Width, entry.Height, entry.Samples, entry.Channels, entry.SampleHz, []);
                if (data.Name != $"items/{entry.Id}")
                {
                    throw new Refused($"item '{entry.Id}': the next entry is '{data.Name}', not items/{entry.Id}");
                }

                if (data.Length != item.ExpectedBytes)
                {
                    throw new Refused($"item '{entry.Id}': {data.Length} bytes, its shape needs {item.ExpectedBytes}");
                }

                total += data.Length;
                if (total > maxBytes)
                {
                    throw new Refused($"the items hold more than {maxBytes} bytes");
                }

                items.Add(item with { Data = Bytes(data) });
            }

            return tar.GetNextEntry() is { } extra
                ? throw new Refused($"entry '{extra.Name}' is not listed in {IndexEntry}")
                : (index.Pipeline, items);
        }
        catch (Refused refused)
        {
            throw new InvalidDataException(refused.Message);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or EndOfStreamException or InvalidDataException)
        {
            throw new InvalidDataException($"not an audit inputs file: {ex.Message}", ex);
        }
    }

    private static AuditInputsIndex ReadIndex(byte[] json)
    {
        var index = JsonSerializer.Deserialize(json, GzJsonContext.Default.AuditInputsIndex) ?? throw new Refused($"{IndexEntry} is null");
        if (index.Format != Format)
        {
            throw new Refused($"{IndexEntry}: format '{index.Format}', this build reads {Format}");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in index.Items)
        {
            var why = AuditManifestValidator.CheckItemId(item.Id)
                ?? (seen.Add(item.Id) ? null : "is listed twice")
                ?? (AuditInput.Kinds.Contains(item.Kind) ? null : $"kind '{item.Kind}' is not one of {string.Join(", ", AuditInput.Kinds)}")
                ?? (item.Kind == AuditInput.Image ? Positive(item.Width, item.Height) : Positive(item.Samples, item.Channels));
            if (why is not null)
            {
                throw new Refused($"{IndexEntry}: item '{item.Id}' {why}");
            }
        }

        return index;
    }

    private static string? Positive(int a, int b) => a > 0 && b > 0 && (long)a * b <= int.MaxValue ? null : "has no valid shape";

    private static byte[] Bytes(TarEntry entry)
    {
        var bytes = new byte[entry.Length];
        if (entry.DataStream is { } data)
        {
            data.ReadExactly(bytes);
        }

        return bytes;
    }

    // What this reader refuses (thrown on as InvalidDataException with its own message), told apart from the gzip and
    // tar readers' InvalidDataException (a file that is not gzip at all), reported as "not an audit inputs file".
    private sealed class Refused(string message) : Exception(message);

    private static void Add(TarWriter tar, string name, byte[] content)
    {
        var entry = new UstarTarEntry(TarEntryType.RegularFile, name)
        {
            ModificationTime = DateTimeOffset.UnixEpoch,
            Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
            DataStream = new MemoryStream(content, writable: false),
        };
        tar.WriteEntry(entry);
    }
}

/// <summary>The <c>items.json</c> of an inputs file: its format, the pipeline and the items in file order.</summary>
public sealed record AuditInputsIndex(string Format, string Pipeline, IReadOnlyList<AuditInputEntry> Items);

/// <summary>One item as <c>items.json</c> lists it (<see cref="AuditInput"/> without its data).</summary>
public sealed record AuditInputEntry(string Id, string Kind, int Width, int Height, int Samples, int Channels, double SampleHz);
