using System.Formats.Tar;
using System.IO.Compression;
using GzAiEdge.Audits.Storage;
using GzAiEdge.Audits.TestSets;
using GzAiEdge.Testing;

namespace GzAiEdge.Audits.Tests.TestSets;

/// <summary>Import of test sets: the committed sets go in whole; a malformed set is refused naming the item and the reason.</summary>
public sealed class TestSetImportTests : IDisposable
{
    private readonly TempFolder _temp = new("gz-testsets");

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("traffic", "traffic-detection", 100)]
    [InlineData("inspection", "visual-inspection", 200)]
    [InlineData("vibration", "vibration-anomaly", 400)]
    [InlineData("vitals", "vitals-classification", 40)]
    public void Each_committed_set_is_imported_with_inputs_and_labels_apart(string set, string pipeline, int items)
    {
        var store = Store();
        var imported = TestSetImporter.Read(RepoPaths.Combine("models", "testsets", set));

        var (record, isNew) = store.Import(imported, DateTimeOffset.UtcNow);

        Assert.True(isNew);
        Assert.Equal((pipeline, items), (record.Pipeline, record.Items));
        Assert.NotEqual(record.Sha256, record.LabelsSha256);
        Assert.Equal(items, store.Inputs(record).Count);
        Assert.Equal(items, store.Labels(record).Items.Count);
        Assert.DoesNotContain(TarNames(record.Sha256), n => n.Contains("label", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_version_imports_once_and_does_not_change()
    {
        var store = Store();
        var folder = SetFolders.Classification(_temp);
        var (first, _) = store.Import(TestSetImporter.Read(folder), DateTimeOffset.UtcNow);

        Assert.False(store.Import(TestSetImporter.Read(folder), DateTimeOffset.UtcNow).New);
        File.WriteAllText(Path.Combine(folder, "labels.csv"), "id,file,label\np1,1.ppm,defect\np2,2.ppm,defect\np3,3.ppm,ok\n");
        var changed = Assert.Throws<InvalidOperationException>(() => store.Import(TestSetImporter.Read(folder), DateTimeOffset.UtcNow));
        Assert.Contains("t-cls 1 is in the store with other content", changed.Message, StringComparison.Ordinal);
        Assert.Equal(first.Sha256, store.Find("t-cls", null)!.Sha256);
    }

    [Fact]
    public void A_missing_image_file_names_the_item()
    {
        var folder = SetFolders.Detection(_temp);
        File.Delete(Path.Combine(folder, "b.ppm"));

        Assert.Contains("annotations.json: images[1]: item '2': missing file 'b.ppm'", Refused(folder), StringComparison.Ordinal);
    }

    [Fact]
    public void A_box_outside_its_image_names_the_annotation_and_item()
    {
        var folder = SetFolders.Detection(_temp);
        File.WriteAllText(Path.Combine(folder, "annotations.json"), File.ReadAllText(Path.Combine(folder, "annotations.json")).Replace("[40,60,18,28]", "[150,60,18,28]", StringComparison.Ordinal));

        Assert.Contains("annotations.json: annotations[2]: item '2': bad box [150, 60, 18, 28]: width and height must be over 0 and the box inside the 160x120 image", Refused(folder), StringComparison.Ordinal);
    }

    [Fact]
    public void A_category_the_pipeline_does_not_know_is_an_unknown_class()
    {
        var folder = SetFolders.Detection(_temp);
        File.WriteAllText(Path.Combine(folder, "annotations.json"), File.ReadAllText(Path.Combine(folder, "annotations.json")).Replace("\"pedestrian\"", "\"person\"", StringComparison.Ordinal));

        var problems = Refused(folder);

        Assert.Contains("annotations.json: categories[1]: unknown class 'person': the pipeline's classes are vehicle, pedestrian (map others with classMap in manifest.json)", problems, StringComparison.Ordinal);
        Assert.Contains("annotations.json: annotations[1]: item '1': unknown class: category_id 2 is not a category of the set", problems, StringComparison.Ordinal);
    }

    [Fact]
    public void A_class_map_names_a_programmes_own_categories()
    {
        var folder = SetFolders.Detection(_temp);
        File.WriteAllText(Path.Combine(folder, "annotations.json"), File.ReadAllText(Path.Combine(folder, "annotations.json")).Replace("\"pedestrian\"", "\"person\"", StringComparison.Ordinal));
        SetFolders.Json(folder, "manifest.json", new { format = "gz-testset/1", name = "t-det", version = "1", pipeline = "traffic-detection", annotations = "annotations.json", classMap = new { person = "pedestrian" } });

        var set = TestSetImporter.Read(folder);

        Assert.Equal(1, set.Summary["pedestrian boxes"]);
    }

    [Fact]
    public void An_image_id_given_twice_is_a_duplicate_id()
    {
        var folder = SetFolders.Detection(_temp);
        File.WriteAllText(Path.Combine(folder, "annotations.json"), File.ReadAllText(Path.Combine(folder, "annotations.json")).Replace("{\"id\":2,\"file_name\"", "{\"id\":1,\"file_name\"", StringComparison.Ordinal));

        Assert.Contains("annotations.json: images[1]: item '1': duplicate id: another image has it", Refused(folder), StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_that_is_not_a_class_names_the_line_and_item()
    {
        var folder = SetFolders.Classification(_temp);
        File.WriteAllText(Path.Combine(folder, "labels.csv"), "id,file,label\np1,1.ppm,ok\np2,2.ppm,scratched\np2,3.ppm,ok\n");

        var problems = Refused(folder);

        Assert.Contains("labels.csv:3: item 'p2': unknown class 'scratched': the set's classes are ok, defect", problems, StringComparison.Ordinal);
        Assert.Contains("labels.csv:4: item 'p2': duplicate id: an earlier row has it", problems, StringComparison.Ordinal);
    }

    [Fact]
    public void An_image_of_another_format_is_refused_with_how_to_convert_it()
    {
        var folder = SetFolders.Classification(_temp);
        File.Move(Path.Combine(folder, "3.ppm"), Path.Combine(folder, "3.png"));
        File.WriteAllText(Path.Combine(folder, "labels.csv"), "id,file,label\np1,1.ppm,ok\np2,2.ppm,defect\np3,3.png,ok\n");

        Assert.Contains("labels.csv:4: item 'p3': 3.png: '.png' is not an image format read here", Refused(folder), StringComparison.Ordinal);
    }

    [Fact]
    public void Windows_of_the_wrong_shape_are_refused()
    {
        var folder = SetFolders.Windows(_temp, shape: [4, 128, 2]);

        Assert.Contains("windows.npy: wrong shape: (4, 128, 2) of f4; windows are float32 [items, samples]", Refused(folder), StringComparison.Ordinal);
    }

    [Fact]
    public void A_series_with_other_channels_and_an_episode_past_its_end_name_their_items()
    {
        var folder = SetFolders.Series(_temp, episodes: "s1,10,40,tachycardia\ns2,50,75,bradycardia\n");
        File.WriteAllBytes(Path.Combine(folder, "s1.npy"), SetFolders.NpyFile([60, 3]));

        var problems = Refused(folder);

        Assert.Contains("series.csv:2: item 's1': s1.npy: wrong shape: (60, 3) of f4; a series is float32 [samples, 2]", problems, StringComparison.Ordinal);
        Assert.Contains("episodes.csv:3: item 's2': bad episode [50, 75): it must start at 0 s or later and end after its start, within the series' 60 s", problems, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_without_a_manifest_says_what_a_set_holds()
    {
        Directory.CreateDirectory(_temp.File("empty"));

        Assert.Contains("manifest.json: missing: a test set folder holds manifest.json (docs/testsets.md)", Refused(_temp.File("empty")), StringComparison.Ordinal);
    }

    private string Refused(string folder) => Assert.Throws<TestSetImportException>(() => TestSetImporter.Read(folder)).Message;

    private TestSetStore Store() => new(new AuditDatabase(_temp.File("store")), new BlobStore(_temp.File("store")));

    private List<string> TarNames(string sha256)
    {
        using var file = File.OpenRead(Path.Combine(_temp.File("store"), "blobs", sha256));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        var names = new List<string>();
        while (tar.GetNextEntry() is { } entry)
        {
            names.Add(entry.Name);
        }

        return names;
    }
}
