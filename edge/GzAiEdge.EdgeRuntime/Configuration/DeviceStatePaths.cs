namespace GzAiEdge.EdgeRuntime.Configuration;

/// <summary>
/// Where a device keeps what commands changed, beside its outbox in <see cref="EdgeOptions.StateDirectory"/>. Each
/// name starts with the device id, so that several devices may share one state folder (as the demo's do).
/// </summary>
public sealed record DeviceStatePaths(string StateDirectory, string Device)
{
    /// <summary>Configuration values set by <c>config.set</c> (<see cref="ConfigOverride"/> by key).</summary>
    public string Overrides => Path.Combine(StateDirectory, $"{Device}.config-overrides.json");

    /// <summary>Ids of the commands received, so that none runs twice.</summary>
    public string Ledger => Path.Combine(StateDirectory, $"{Device}.commands.json");

    /// <summary>Models installed by <c>model.update</c>, by SHA-256.</summary>
    public string Models => Path.Combine(StateDirectory, $"{Device}.models");

    /// <summary>Where an installed model's file is.</summary>
    public string ModelFile(InstalledModel model) => Path.Combine(Models, model.File);

    /// <summary>Audit inputs being run (<c>audit.run</c>), deleted when the run ends.</summary>
    public string Audits => Path.Combine(StateDirectory, $"{Device}.audits");

    /// <summary>The <see cref="ModelPointer"/>: which installed model runs, and the one before it.</summary>
    public string Pointer => Path.Combine(Models, "current.json");
}
