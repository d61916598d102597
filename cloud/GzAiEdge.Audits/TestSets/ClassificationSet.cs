using System.Text.Json;
using GzAiEdge.Audits.TestSets.Formats;
using GzAiEdge.Contracts.Audits;
using GzAiEdge.Contracts.Validation;

namespace GzAiEdge.Audits.TestSets;

/// <summary>
/// An image classification set: the manifest's <c>classes</c> (the model's output order; visual-inspection: <c>["ok",
/// "defect"]</c>) and <c>labels</c>, a CSV of <c>id,file,label</c> with the label a class name.
/// </summary>
internal static class ClassificationSet
{
    public static (List<AuditInput>, List<ItemLabel>, List<string>) Read(TestSetFolder folder)
    {
        var (inputs, labels) = (new List<AuditInput>(), new List<ItemLabel>());
        var classes = folder.Member("classes") is { ValueKind: JsonValueKind.Array } c && c.EnumerateArray().All(x => x.ValueKind == JsonValueKind.String)
            ? c.EnumerateArray().Select(x => x.GetString()!).ToList()
            : [];
        if (classes.Count != 2 || classes.Distinct(StringComparer.Ordinal).Count() != 2)
        {
            folder.Errors.Add(TestSetFolder.ManifestFile, null, "'classes' must name the model's two classes in its output order, negative first, e.g. [\"ok\", \"defect\"]");
        }

        if (folder.RequiredFile("labels") is not { } path)
        {
            return (inputs, labels, classes);
        }

        var table = SetTables.Open(folder, path, "id", "file", "label");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, row) in table?.Rows ?? [])
        {
            var where = $"{table!.File}:{line}";
            var (id, file, label) = (table.Get(row, "id"), table.Get(row, "file"), table.Get(row, "label"));
            if (SetTables.Id(folder, where, id, seen) && classes.IndexOf(label) is var index)
            {
                if (index < 0)
                {
                    folder.Errors.Add(where, id, $"unknown class '{label}': the set's classes are {string.Join(", ", classes)}");
                }
                else if (folder.File(where, id, file) is { } image)
                {
                    try
                    {
                        var (w, h, rgb) = ImageFile.Read(image);
                        inputs.Add(AuditInput.OfImage(id, w, h, rgb));
                        labels.Add(new ItemLabel(id) { Class = index });
                    }
                    catch (InvalidDataException ex)
                    {
                        folder.Errors.Add(where, id, $"{file}: {ex.Message}");
                    }
                }
            }
        }

        return (inputs, labels, classes);
    }
}

/// <summary>What the CSV-based sets share: opening a table with errors noted, and the item id rules.</summary>
internal static class SetTables
{
    /// <summary>The table, or null with the problem noted.</summary>
    public static CsvTable? Open(TestSetFolder folder, string path, params string[] columns)
    {
        try
        {
            return CsvTable.Read(path, Path.GetFileName(path), columns);
        }
        catch (InvalidDataException ex)
        {
            folder.Errors.Add(Path.GetFileName(path), null, ex.Message);
            return null;
        }
    }

    /// <summary>True when <paramref name="id"/> is a valid item id seen for the first time; otherwise the problem is noted.</summary>
    public static bool Id(TestSetFolder folder, string where, string id, HashSet<string> seen)
    {
        if (AuditManifestValidator.CheckItemId(id) is { } why)
        {
            folder.Errors.Add(where, id, $"not an item id: {why}");
            return false;
        }

        if (!seen.Add(id))
        {
            folder.Errors.Add(where, id, "duplicate id: an earlier row has it");
            return false;
        }

        return true;
    }
}
