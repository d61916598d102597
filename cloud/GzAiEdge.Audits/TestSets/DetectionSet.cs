using System.Globalization;
using System.Text.Json;
using GzAiEdge.Audits.TestSets.Formats;
using GzAiEdge.Contracts.Audits;
using GzAiEdge.Contracts.Validation;
using GzAiEdge.Scenarios.Audits;

namespace GzAiEdge.Audits.TestSets;

/// <summary>
/// A detection set in COCO JSON (<c>annotations</c> in the manifest): <c>images</c> (id, file_name, width, height),
/// <c>annotations</c> (image_id, category_id, bbox [x, y, width, height] in pixels) and <c>categories</c> (id, name).
/// Category names are the pipeline's classes (vehicle, pedestrian), or are mapped to them by the manifest's
/// <c>classMap</c> (e.g. <c>{"car": "vehicle", "person": "pedestrian"}</c>). Item ids are the image ids.
/// </summary>
internal static class DetectionSet
{
    public static (List<AuditInput>, List<ItemLabel>) Read(TestSetFolder folder)
    {
        var (inputs, labels) = (new List<AuditInput>(), new List<ItemLabel>());
        if (folder.RequiredFile("annotations") is not { } path)
        {
            return (inputs, labels);
        }

        var file = Path.GetFileName(path);
        JsonElement coco;
        try
        {
            coco = JsonDocument.Parse(File.ReadAllBytes(path)).RootElement.Clone();
        }
        catch (JsonException ex)
        {
            folder.Errors.Add($"{file}:{ex.LineNumber + 1}", null, $"not JSON: {ex.Message}");
            return (inputs, labels);
        }

        var categories = Categories(folder, file, coco);
        var boxes = new Dictionary<long, List<LabelBox>>();
        var sizes = new Dictionary<long, (int W, int H)>();
        foreach (var (image, i) in Array(folder, file, coco, "images").Select((e, i) => (e, i)))
        {
            var where = $"{file}: images[{i}]";
            var id = Long(image, "id");
            var item = id?.ToString(CultureInfo.InvariantCulture);
            if (id is null || AuditManifestValidator.CheckItemId(item) is not null)
            {
                folder.Errors.Add(where, item, "'id' must be a whole number (the item's id)");
                continue;
            }

            if (!boxes.TryAdd(id.Value, []))
            {
                folder.Errors.Add(where, item, "duplicate id: another image has it");
                continue;
            }

            var (width, height) = ((int)(Long(image, "width") ?? 0), (int)(Long(image, "height") ?? 0));
            if (Str(image, "file_name") is not { } name || folder.File(where, item, name) is not { } imagePath)
            {
                folder.Errors.Add(where, item, "'file_name' must name the image's file");
                continue;
            }

            try
            {
                var (w, h, rgb) = ImageFile.Read(imagePath);
                if ((width, height) != (w, h))
                {
                    folder.Errors.Add(where, item, $"wrong shape: the file is {w}x{h}, width and height say {width}x{height}");
                }

                sizes[id.Value] = (w, h);
                inputs.Add(AuditInput.OfImage(item!, w, h, rgb));
            }
            catch (InvalidDataException ex)
            {
                folder.Errors.Add(where, item, $"{name}: {ex.Message}");
            }
        }

        foreach (var (annotation, i) in Array(folder, file, coco, "annotations").Select((e, i) => (e, i)))
        {
            Box(folder, $"{file}: annotations[{i}]", annotation, categories, boxes, sizes);
        }

        labels.AddRange(inputs.Select(input => new ItemLabel(input.Id) { Boxes = boxes[long.Parse(input.Id, CultureInfo.InvariantCulture)] }));
        return (inputs, labels);
    }

    private static void Box(TestSetFolder folder, string where, JsonElement a, Dictionary<long, int> categories,
        Dictionary<long, List<LabelBox>> boxes, Dictionary<long, (int W, int H)> sizes)
    {
        var image = Long(a, "image_id");
        var item = image?.ToString(CultureInfo.InvariantCulture);
        if (image is null || !boxes.TryGetValue(image.Value, out var list))
        {
            folder.Errors.Add(where, item, "'image_id' names no image of the set");
            return;
        }

        if (Long(a, "iscrowd") is > 0)
        {
            folder.Errors.Add(where, item, "a crowd region (iscrowd 1); box each object instead");
        }
        else if (Long(a, "category_id") is not { } category || !categories.TryGetValue(category, out var cls))
        {
            folder.Errors.Add(where, item, $"unknown class: category_id {Long(a, "category_id")} is not a category of the set");
        }
        else if (a.TryGetProperty("bbox", out var b) && b.ValueKind == JsonValueKind.Array && b.GetArrayLength() == 4
            && b.EnumerateArray().All(v => v.ValueKind == JsonValueKind.Number) && sizes.TryGetValue(image.Value, out var size))
        {
            var (x, y, w, h) = (b[0].GetDouble(), b[1].GetDouble(), b[2].GetDouble(), b[3].GetDouble());
            if (w > 0 && h > 0 && x >= 0 && y >= 0 && x + w <= size.W + 0.5 && y + h <= size.H + 0.5)
            {
                list.Add(new LabelBox(cls, x, y, x + w, y + h));
            }
            else
            {
                folder.Errors.Add(where, item, $"bad box [{x}, {y}, {w}, {h}]: width and height must be over 0 and the box inside the {size.W}x{size.H} image");
            }
        }
        else if (sizes.ContainsKey(image.Value))
        {
            folder.Errors.Add(where, item, "bad box: 'bbox' must be [x, y, width, height] in pixels");
        }
    }

    // Category id → index of the pipeline's class (vehicle, pedestrian), by name or through the manifest's classMap.
    private static Dictionary<long, int> Categories(TestSetFolder folder, string file, JsonElement coco)
    {
        var map = folder.Member("classMap");
        var known = AuditedPipelines.DetectionClasses;
        var result = new Dictionary<long, int>();
        foreach (var (category, i) in Array(folder, file, coco, "categories").Select((e, i) => (e, i)))
        {
            var (id, name) = (Long(category, "id"), Str(category, "name"));
            var mapped = name is not null && map.ValueKind == JsonValueKind.Object && map.TryGetProperty(name, out var m) ? m.GetString() : name;
            var index = mapped is null ? -1 : known.ToList().IndexOf(mapped);
            if (id is null || index < 0)
            {
                folder.Errors.Add($"{file}: categories[{i}]", null,
                    $"unknown class '{name}': the pipeline's classes are {string.Join(", ", known)} (map others with classMap in {TestSetFolder.ManifestFile})");
            }
            else if (!result.TryAdd(id.Value, index))
            {
                folder.Errors.Add($"{file}: categories[{i}]", null, $"duplicate id: category {id} is listed twice");
            }
        }

        return result;
    }

    private static IEnumerable<JsonElement> Array(TestSetFolder folder, string file, JsonElement coco, string name)
    {
        if (coco.ValueKind == JsonValueKind.Object && coco.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array)
        {
            return array.EnumerateArray();
        }

        folder.Errors.Add(file, null, $"'{name}' must be an array (COCO JSON)");
        return [];
    }

    private static long? Long(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var l) ? l : null;

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
