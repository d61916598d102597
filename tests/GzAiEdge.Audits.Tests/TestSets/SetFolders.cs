using System.Text.Json;
using GzAiEdge.Audits.TestSets.Formats;
using GzAiEdge.Testing;

namespace GzAiEdge.Audits.Tests.TestSets;

/// <summary>Small test set folders in the import format, written for one test each (a few items), to break on purpose.</summary>
internal static class SetFolders
{
    /// <summary>Two road images with three boxes, COCO JSON.</summary>
    public static string Detection(TempFolder temp, string name = "det")
    {
        var folder = Folder(temp, name, new { format = "gz-testset/1", name = "t-det", version = "1", pipeline = "traffic-detection", annotations = "annotations.json" });
        Image(folder, "a.ppm", 160, 120);
        Image(folder, "b.ppm", 160, 120);
        Json(folder, "annotations.json", new
        {
            images = new object[] { new { id = 1, file_name = "a.ppm", width = 160, height = 120 }, new { id = 2, file_name = "b.ppm", width = 160, height = 120 } },
            annotations = new object[]
            {
                new { id = 1, image_id = 1, category_id = 1, bbox = new[] { 10.0, 10, 20, 30 } },
                new { id = 2, image_id = 1, category_id = 2, bbox = new[] { 100.0, 50, 10, 14 } },
                new { id = 3, image_id = 2, category_id = 1, bbox = new[] { 40.0, 60, 18, 28 } },
            },
            categories = new object[] { new { id = 1, name = "vehicle" }, new { id = 2, name = "pedestrian" } },
        });
        return folder;
    }

    /// <summary>Three product images labelled ok, defect, ok.</summary>
    public static string Classification(TempFolder temp, string name = "cls")
    {
        var folder = Folder(temp, name, new { format = "gz-testset/1", name = "t-cls", version = "1", pipeline = "visual-inspection", classes = new[] { "ok", "defect" }, labels = "labels.csv" });
        foreach (var f in new[] { "1.ppm", "2.ppm", "3.ppm" })
        {
            Image(folder, f, 64, 64);
        }

        File.WriteAllText(Path.Combine(folder, "labels.csv"), "id,file,label\np1,1.ppm,ok\np2,2.ppm,defect\np3,3.ppm,ok\n");
        return folder;
    }

    /// <summary>Four windows of 128 samples, two normal and two anomalies.</summary>
    public static string Windows(TempFolder temp, string name = "win", int[]? shape = null)
    {
        var folder = Folder(temp, name, new { format = "gz-testset/1", name = "t-win", version = "1", pipeline = "vibration-anomaly", windows = "windows.npy", labels = "labels.csv" });
        File.WriteAllBytes(Path.Combine(folder, "windows.npy"), NpyFile(shape ?? [4, 128]));
        File.WriteAllText(Path.Combine(folder, "labels.csv"), "id,row,label\nw1,0,normal\nw2,1,anomaly\nw3,2,normal\nw4,3,anomaly\n");
        return folder;
    }

    /// <summary>Two series of 60 s at 1 Hz with heart rate and SpO2, one with an episode.</summary>
    public static string Series(TempFolder temp, string name = "ser", string episodes = "s1,10,40,tachycardia\n")
    {
        var folder = Folder(temp, name, new
        {
            format = "gz-testset/1",
            name = "t-ser",
            version = "1",
            pipeline = "vitals-classification",
            channels = new[] { "heart_rate", "spo2" },
            series = "series.csv",
            episodes = "episodes.csv",
            minEpisodeSamples = 8,
        });
        File.WriteAllBytes(Path.Combine(folder, "s1.npy"), NpyFile([60, 2]));
        File.WriteAllBytes(Path.Combine(folder, "s2.npy"), NpyFile([60, 2]));
        File.WriteAllText(Path.Combine(folder, "series.csv"), "id,file,sample_hz\ns1,s1.npy,1\ns2,s2.npy,1\n");
        File.WriteAllText(Path.Combine(folder, "episodes.csv"), "series,start_s,end_s,kind\n" + episodes);
        return folder;
    }

    /// <summary>A float32 little-endian .npy of <paramref name="shape"/> filled with 0.5.</summary>
    public static byte[] NpyFile(int[] shape)
    {
        var header = $"{{'descr': '<f4', 'fortran_order': False, 'shape': ({string.Join(", ", shape)}{(shape.Length == 1 ? "," : string.Empty)}), }}";
        header = header.PadRight(((header.Length + 11) / 64 * 64) + 63 - 10) + "\n";
        var count = shape.Aggregate(1, (a, b) => a * b);
        return [0x93, .. "NUMPY"u8, 1, 0, (byte)(header.Length & 0xff), (byte)(header.Length >> 8), .. System.Text.Encoding.ASCII.GetBytes(header),
            .. Enumerable.Repeat(BitConverter.GetBytes(0.5f), count).SelectMany(b => b)];
    }

    public static void Json(string folder, string file, object value) =>
        File.WriteAllText(Path.Combine(folder, file), JsonSerializer.Serialize(value));

    public static void Image(string folder, string file, int width, int height) =>
        File.WriteAllBytes(Path.Combine(folder, file), Ppm.Write(width, height, new byte[width * height * 3]));

    private static string Folder(TempFolder temp, string name, object manifest)
    {
        var folder = temp.File(name);
        Directory.CreateDirectory(folder);
        Json(folder, "manifest.json", manifest);
        return folder;
    }
}
