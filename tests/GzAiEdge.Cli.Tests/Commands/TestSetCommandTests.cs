using System.Security.Cryptography;
using GzAiEdge.Testing;

namespace GzAiEdge.Cli.Tests.Commands;

/// <summary><c>gz testset import | list | show</c> on a store folder, as the process a programme runs.</summary>
public sealed class TestSetCommandTests : IDisposable
{
    private readonly TempFolder _temp = new("gz-testset-cli");

    private string Store => _temp.File("store");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task An_imported_set_is_listed_and_shown_with_its_hashes_and_counts_but_not_its_labels()
    {
        var set = RepoPaths.Combine("models", "testsets", "inspection");

        var (imported, importText) = await Gz("testset", "import", set, "--store", Store);
        var (again, againText) = await Gz("testset", "import", set, "--store", Store);
        var (listed, listText) = await Gz("testset", "list", "--store", Store);
        var (shown, showText) = await Gz("testset", "show", "gz-inspection@2026.1", "--store", Store);

        Assert.True(imported == 0, importText);
        Assert.Contains("imported gz-inspection 2026.1 (visual-inspection): 200 items", importText, StringComparison.Ordinal);
        Assert.True(again == 0, againText);
        Assert.Contains("already imported, same content: gz-inspection 2026.1", againText, StringComparison.Ordinal);
        Assert.True(listed == 0, listText);
        Assert.Contains("gz-inspection", listText, StringComparison.Ordinal);
        Assert.True(shown == 0, showText);
        // Two blobs named by their SHA-256: the inputs, whose hash the list shows (its start: the table wraps at 80 columns), and the labels apart from them.
        var blobs = Directory.GetFiles(Path.Combine(Store, "blobs")).Select(Path.GetFileName).ToList();
        Assert.Equal(2, blobs.Count);
        var inputs = Assert.Single(blobs, b => listText.Contains(b![..12], StringComparison.Ordinal));
        var labels = Assert.Single(blobs, b => b != inputs)!;
        Assert.Equal(labels, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(Store, "blobs", labels)))));
        Assert.Contains("p000001", File.ReadAllText(Path.Combine(Store, "blobs", labels)), StringComparison.Ordinal);
        Assert.Contains("stored apart", showText, StringComparison.Ordinal);
        Assert.DoesNotContain("p000001", showText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_set_is_refused_naming_file_line_item_and_reason_without_a_stack_trace()
    {
        var folder = _temp.File("broken");
        Directory.CreateDirectory(folder);
        File.Copy(RepoPaths.Combine("models", "testsets", "inspection", "manifest.json"), Path.Combine(folder, "manifest.json"));
        Directory.CreateSymbolicLink(Path.Combine(folder, "images"), RepoPaths.Combine("models", "testsets", "inspection", "images"));
        File.WriteAllText(Path.Combine(folder, "labels.csv"),
            "id,file,label\np000001,images/000001.ppm,ok\np000002,images/000002.ppm,scratched\np000003,images/missing.ppm,ok\n");

        var (code, text) = await Gz("testset", "import", folder, "--store", Store);
        var (_, listText) = await Gz("testset", "list", "--store", Store);
        var (shown, showText) = await Gz("testset", "show", "gz-inspection", "--store", Store);

        Assert.Equal(1, code);
        Assert.Contains("labels.csv:3: item 'p000002': unknown class 'scratched': the set's classes are ok, defect", text, StringComparison.Ordinal);
        Assert.Contains("labels.csv:4: item 'p000003'", text, StringComparison.Ordinal);
        Assert.Contains("missing.ppm", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("gz-inspection", listText, StringComparison.Ordinal);
        Assert.Equal(1, shown);
        Assert.Contains("the store has no test set gz-inspection", showText, StringComparison.Ordinal);
    }

    private Task<(int Code, string Output)> Gz(params string[] args) => GzProcesses.RunCliAsync(_temp, args);
}
