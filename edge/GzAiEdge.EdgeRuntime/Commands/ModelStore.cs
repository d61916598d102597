using GzAiEdge.Contracts.Messages;
using GzAiEdge.EdgeRuntime.Configuration;

namespace GzAiEdge.EdgeRuntime.Commands;

/// <summary>
/// The models <c>model.update</c> installed (<see cref="DeviceStatePaths.Models"/>): each file named by its SHA-256,
/// and the <see cref="ModelPointer"/> that says which runs. A swap writes the new file and flushes it, then replaces
/// the pointer the same way (<see cref="DeviceStateFiles.WriteDurably"/>): a power cut leaves the old pointer or the
/// new one, each naming a file that is there. The previous model's file is kept, so a rollback needs no download.
/// </summary>
public sealed class ModelStore(DeviceStatePaths paths)
{
    /// <summary>The pointer as stored (all null when no model was ever installed).</summary>
    public ModelPointer Pointer => DeviceStateFiles.Read(paths.Pointer, DeviceStateFiles.Pointer) ?? new ModelPointer(null, null, null);

    /// <summary>The version number of the model a start runs: the installed one's, or 0 for the model the config names.</summary>
    public long RunningVersionNumber => Pointer.Effective?.VersionNumber ?? 0;

    /// <summary>Where an installed model's file is.</summary>
    public string PathOf(InstalledModel model) => paths.ModelFile(model);

    /// <summary>Where a download of <paramref name="sha256"/> goes before it is verified.</summary>
    public string DownloadPath(string sha256)
    {
        Directory.CreateDirectory(paths.Models);
        return Path.Combine(paths.Models, $"{sha256}.download");
    }

    /// <summary>Moves a verified download into place and points at it, on trial; the model running now becomes the previous one.</summary>
    public InstalledModel Install(string download, ModelManifest manifest, string commandId, DateTimeOffset now)
    {
        var model = new InstalledModel(manifest.Name, manifest.Version, manifest.Sha256, $"{manifest.Sha256}.onnx", commandId, now, manifest.VersionNumber);
        File.Move(download, PathOf(model), overwrite: true);
        Write(new ModelPointer(model, Pointer.Effective, commandId));
        return model;
    }

    /// <summary>The model on trial passed: it runs from now on, also after a restart. Files neither current nor previous go.</summary>
    public void Commit()
    {
        var pointer = Pointer;
        Write(pointer with { Trial = null });
        CleanUp(pointer);
    }

    /// <summary>The model on trial failed (or the worker stopped during its trial): the previous one runs again.</summary>
    public void RollBack()
    {
        var pointer = Pointer;
        var back = new ModelPointer(pointer.Previous, null, null);
        Write(back);
        CleanUp(back);
    }

    private void Write(ModelPointer pointer) => DeviceStateFiles.WriteDurably(paths.Pointer, pointer, DeviceStateFiles.Pointer);

    private void CleanUp(ModelPointer keep)
    {
        var kept = new[] { keep.Current?.File, keep.Previous?.File };
        foreach (var file in Directory.EnumerateFiles(paths.Models).Where(f => f.EndsWith(".onnx", StringComparison.Ordinal) || f.EndsWith(".download", StringComparison.Ordinal)))
        {
            if (!kept.Contains(Path.GetFileName(file)))
            {
                File.Delete(file);
            }
        }
    }
}
