using System.CommandLine;
using System.Globalization;
using GzAiEdge.Audits.Storage;
using GzAiEdge.Audits.TestSets;
using Spectre.Console;

namespace GzAiEdge.Cli.Commands;

/// <summary>
/// <c>gz testset import | list | show</c>: the cloud's sealed test sets (docs/testsets.md), in the store folder the cloud
/// reads (<c>Audits:Path</c>). Import checks every item and refuses a malformed set, naming each item and the reason.
/// </summary>
internal static class TestSetCommand
{
    public static Command Create()
    {
        var store = new Option<string>("--store") { Description = "The test-set and audit store folder (the cloud's Audits:Path)", Required = true, Recursive = true };
        var folder = new Argument<string>("folder") { Description = "A test set folder: manifest.json and the files it names (docs/testsets.md)" };
        var name = new Argument<string>("name") { Description = "Test set name, or name@version (default: the latest import)" };
        var import = new Command("import", "Check a test set folder and store its inputs and labels apart, content-hashed") { folder };
        var list = new Command("list", "List the stored test sets and versions");
        var show = new Command("show", "Show one test set version: pipeline, items, hashes, per-class counts (never its labels)") { name };
        import.SetAction(r => Guard(() => Import(Open(r.GetValue(store)!), r.GetValue(folder)!)));
        list.SetAction(r => Guard(() => List(Open(r.GetValue(store)!))));
        show.SetAction(r => Guard(() => Show(Open(r.GetValue(store)!), r.GetValue(name)!)));
        return new Command("testset", "Sealed test sets for audit runs: import, list, show") { store, import, list, show };
    }

    /// <summary>The test-set store in <paramref name="path"/>, created when missing.</summary>
    internal static TestSetStore Open(string path) => new(new AuditDatabase(path), new BlobStore(path));

    private static int Import(TestSetStore store, string folder)
    {
        var set = TestSetImporter.Read(folder);
        var (record, isNew) = store.Import(set, DateTimeOffset.UtcNow);
        Console.WriteLine($"{(isNew ? "imported" : "already imported, same content:")} {record.Name} {record.Version} ({record.Pipeline}): {record.Items} items");
        Console.WriteLine($"  inputs sha256 {record.Sha256} ({record.Size:N0} bytes), labels sha256 {record.LabelsSha256} (kept apart)");
        Console.WriteLine($"  {string.Join(", ", record.Summary.Select(s => $"{s.Key} {s.Value}"))}");
        return 0;
    }

    private static int List(TestSetStore store)
    {
        var table = new Table().Title("Test sets");
        foreach (var column in new[] { "name", "version", "pipeline", "items", "inputs sha256", "imported" })
        {
            table.AddColumn(column);
        }

        foreach (var r in store.List())
        {
            table.AddRow(Markup.Escape(r.Name), Markup.Escape(r.Version), r.Pipeline, r.Items.ToString(CultureInfo.InvariantCulture), r.Sha256[..16],
                r.Imported.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        return 0;
    }

    private static int Show(TestSetStore store, string reference)
    {
        var (name, version) = Reference(reference);
        if (store.Find(name, version) is not { } r)
        {
            Console.Error.WriteLine($"gz testset show: the store has no test set {reference}");
            return 1;
        }

        var table = new Table().Title(Markup.Escape($"{r.Name} {r.Version}")).AddColumn("").AddColumn("");
        table.AddRow("pipeline", r.Pipeline).AddRow("items", r.Items.ToString(CultureInfo.InvariantCulture))
            .AddRow("inputs sha256", r.Sha256).AddRow("inputs size", r.Size.ToString("N0", CultureInfo.InvariantCulture))
            .AddRow("labels sha256", $"{r.LabelsSha256} (stored apart; never sent to a device)")
            .AddRow("imported", r.Imported.ToString("O", CultureInfo.InvariantCulture)).AddRow("description", Markup.Escape(r.Description ?? string.Empty));
        foreach (var (key, value) in r.Summary)
        {
            table.AddRow(Markup.Escape(key), value.ToString(CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        return 0;
    }

    /// <summary><c>name</c> or <c>name@version</c>.</summary>
    internal static (string Name, string? Version) Reference(string text) =>
        text.Split('@', 2) is [var n, var v] ? (n, v) : (text, null);

    private static int Guard(Func<int> run)
    {
        try
        {
            return run();
        }
        catch (TestSetImportException ex)
        {
            Console.Error.WriteLine($"gz testset import: {ex.Message}");
            return 1;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
        {
            Console.Error.WriteLine($"gz testset: {ex.Message}");
            return 1;
        }
    }
}
