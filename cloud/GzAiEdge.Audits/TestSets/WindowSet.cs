using System.Globalization;
using GzAiEdge.Audits.TestSets.Formats;
using GzAiEdge.Contracts.Audits;
using GzAiEdge.Scenarios.Audits;

namespace GzAiEdge.Audits.TestSets;

/// <summary>
/// An anomaly set of fixed-length windows: <c>windows</c>, a float32 NumPy array [items, samples] (one channel), and
/// <c>labels</c>, a CSV of <c>id,row,label</c> with the row of the array and the label <c>normal</c> or <c>anomaly</c>.
/// </summary>
internal static class WindowSet
{
    public static (List<AuditInput>, List<ItemLabel>) Read(TestSetFolder folder)
    {
        var (inputs, labels) = (new List<AuditInput>(), new List<ItemLabel>());
        var (arrayPath, labelPath) = (folder.RequiredFile("windows"), folder.RequiredFile("labels"));
        if (arrayPath is null || labelPath is null)
        {
            return (inputs, labels);
        }

        float[] values;
        int rows, length;
        try
        {
            var (shape, type, data) = Npy.Read(File.ReadAllBytes(arrayPath));
            (rows, length) = shape is [var r, var l] && type == "f4" && r > 0 && l > 0
                ? (r, l)
                : throw new InvalidDataException($"wrong shape: ({string.Join(", ", shape)}) of {type}; windows are float32 [items, samples]");
            values = Npy.Floats(data);
        }
        catch (InvalidDataException ex)
        {
            folder.Errors.Add(Path.GetFileName(arrayPath), null, ex.Message);
            return (inputs, labels);
        }

        var table = SetTables.Open(folder, labelPath, "id", "row", "label");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var classes = AuditedPipelines.AnomalyClasses.ToList();
        foreach (var (line, row) in table?.Rows ?? [])
        {
            var where = $"{table!.File}:{line}";
            var (id, label) = (table.Get(row, "id"), table.Get(row, "label"));
            if (!SetTables.Id(folder, where, id, seen))
            {
                continue;
            }

            if (!int.TryParse(table.Get(row, "row"), NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= rows)
            {
                folder.Errors.Add(where, id, $"row '{table.Get(row, "row")}' is not a row of the {rows} windows");
            }
            else if (classes.IndexOf(label) is var cls && cls < 0)
            {
                folder.Errors.Add(where, id, $"unknown class '{label}': a window is {string.Join(" or ", classes)}");
            }
            else
            {
                inputs.Add(AuditInput.OfSamples(id, AuditInput.Window, 1, 0, values.AsSpan(index * length, length)));
                labels.Add(new ItemLabel(id) { Class = cls });
            }
        }

        return (inputs, labels);
    }
}
