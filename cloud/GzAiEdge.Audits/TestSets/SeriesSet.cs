using System.Globalization;
using System.Text.Json;
using GzAiEdge.Audits.TestSets.Formats;
using GzAiEdge.Contracts.Audits;

namespace GzAiEdge.Audits.TestSets;

/// <summary>
/// A series set with labelled episodes: the manifest's <c>channels</c> (vital signs: <c>["heart_rate", "spo2"]</c>),
/// <c>series</c>, a CSV of <c>id,file,sample_hz</c> whose files are float32 NumPy arrays [samples, channels],
/// <c>episodes</c>, a CSV of <c>series,start_s,end_s,kind</c> in seconds from the first sample, and
/// <c>minEpisodeSamples</c>, the samples of a window inside an episode from which the window is abnormal.
/// </summary>
internal static class SeriesSet
{
    public static (List<AuditInput>, List<ItemLabel>, int) Read(TestSetFolder folder)
    {
        var (inputs, labels) = (new List<AuditInput>(), new List<ItemLabel>());
        var channels = folder.Member("channels") is { ValueKind: JsonValueKind.Array } c ? c.GetArrayLength() : 0;
        var min = folder.Member("minEpisodeSamples") is { ValueKind: JsonValueKind.Number } m && m.TryGetInt32(out var v) && v > 0 ? v : 0;
        if (channels < 1 || min < 1)
        {
            folder.Errors.Add(TestSetFolder.ManifestFile, null, "'channels' must list the series' channels and 'minEpisodeSamples' be a whole number over 0");
        }

        var (seriesPath, episodesPath) = (folder.RequiredFile("series"), folder.RequiredFile("episodes"));
        if (seriesPath is null || episodesPath is null || channels < 1)
        {
            return (inputs, labels, min);
        }

        var table = SetTables.Open(folder, seriesPath, "id", "file", "sample_hz");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, row) in table?.Rows ?? [])
        {
            var where = $"{table!.File}:{line}";
            var (id, file) = (table.Get(row, "id"), table.Get(row, "file"));
            if (!SetTables.Id(folder, where, id, seen) || folder.File(where, id, file) is not { } path)
            {
                continue;
            }

            if (!double.TryParse(table.Get(row, "sample_hz"), NumberStyles.Float, CultureInfo.InvariantCulture, out var hz) || !(hz > 0))
            {
                folder.Errors.Add(where, id, $"sample_hz '{table.Get(row, "sample_hz")}' is not a rate over 0");
                continue;
            }

            try
            {
                var (shape, type, data) = Npy.Read(File.ReadAllBytes(path));
                if (shape is not [> 0, var k] || k != channels || type != "f4")
                {
                    throw new InvalidDataException($"wrong shape: ({string.Join(", ", shape)}) of {type}; a series is float32 [samples, {channels}]");
                }

                var input = AuditInput.OfSamples(id, AuditInput.Series, channels, hz, Npy.Floats(data));
                inputs.Add(input);
                labels.Add(new ItemLabel(id) { Episodes = [], Samples = input.Samples, SampleHz = hz });
            }
            catch (InvalidDataException ex)
            {
                folder.Errors.Add(where, id, $"{file}: {ex.Message}");
            }
        }

        Episodes(folder, episodesPath, inputs, labels);
        return (inputs, labels, min);
    }

    private static void Episodes(TestSetFolder folder, string path, List<AuditInput> inputs, List<ItemLabel> labels)
    {
        var table = SetTables.Open(folder, path, "series", "start_s", "end_s", "kind");
        var episodes = labels.ToDictionary(l => l.Id, _ => new List<LabelEpisode>(), StringComparer.Ordinal);
        foreach (var (line, row) in table?.Rows ?? [])
        {
            var where = $"{table!.File}:{line}";
            var id = table.Get(row, "series");
            var input = inputs.Find(i => i.Id == id);
            if (input is null)
            {
                folder.Errors.Add(where, id, "'series' names no series of the set");
                continue;
            }

            var seconds = input.Samples / input.SampleHz;
            if (!double.TryParse(table.Get(row, "start_s"), NumberStyles.Float, CultureInfo.InvariantCulture, out var start)
                || !double.TryParse(table.Get(row, "end_s"), NumberStyles.Float, CultureInfo.InvariantCulture, out var end)
                || start < 0 || end <= start || end > seconds)
            {
                folder.Errors.Add(where, id, $"bad episode [{table.Get(row, "start_s")}, {table.Get(row, "end_s")}): it must start at 0 s or later and end after its start, within the series' {seconds:0.###} s");
                continue;
            }

            episodes[id].Add(new LabelEpisode(start, end, table.Get(row, "kind")));
        }

        for (var i = 0; i < labels.Count; i++)
        {
            labels[i] = labels[i] with { Episodes = [.. episodes[labels[i].Id].OrderBy(e => e.Start)] };
        }
    }
}
