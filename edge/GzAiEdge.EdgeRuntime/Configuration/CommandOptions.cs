namespace GzAiEdge.EdgeRuntime.Configuration;

/// <summary>Which remote commands the device runs and how it updates models (config section <c>Commands</c>).</summary>
// Setters, not init: the configuration binding source generator silently skips init-only properties.
public sealed record CommandOptions
{
    public const string Section = "Commands";

    /// <summary>
    /// The keys <c>config.set</c> can change at all: what a rebuilt pipeline reads. Not <c>Source:SampleHz</c> (the
    /// tick rate is fixed for the process), not the model keys (<c>model.update</c> sets them), not the native library
    /// (a process holds one), not the identity, broker or state (changing them remotely would cut the device off).
    /// </summary>
    public static readonly IReadOnlyList<string> SupportedConfigKeys =
    [
        "Source:Profile", "Source:Seed", "Source:Path", "Source:Speed", "Source:Labelled",
        "Pipeline:Layout", "Pipeline:ScoreThreshold", "Pipeline:IouThreshold", "Pipeline:DecisionThreshold",
        "Pipeline:AnomalyThreshold", "Pipeline:HopSamples", "Inference:IntraOpThreads", "Inference:Optimization",
    ];

    /// <summary>Command types the device runs (<c>config.set</c>, <c>pipeline.restart</c>, <c>model.update</c>, <c>audit.run</c>); others are rejected. None by default.</summary>
    public List<string> Enabled { get; set; } = [];

    /// <summary>The keys of <see cref="SupportedConfigKeys"/> that <c>config.set</c> may change on this device.</summary>
    public List<string> ConfigKeys { get; set; } = [];

    /// <summary>
    /// PEM public keys of the cloud's command key (<c>gz provision</c> writes <c>command-key.pub.pem</c> into every
    /// device folder). A command runs only when one of them signed it; two while the cloud's key is rotated.
    /// </summary>
    public List<string> CommandKeyFiles { get; set; } = [];

    /// <summary>PEM public key of the programme (from <c>gz provision</c>); a model is installed, and an audit run, only when its manifest verifies with it.</summary>
    public string? ProgrammeKeyFile { get; set; }

    /// <summary>Base address of the cloud API that serves models, e.g. <c>https://cloud.example:5080</c>.</summary>
    public string? Api { get; set; }

    /// <summary>
    /// The device's own API token (<c>gz provision</c> puts it in the device's credentials.env as <c>Commands__ApiToken</c>):
    /// the cloud lets a device download only its own scenario's models. Give it from the environment, not the YAML file.
    /// </summary>
    public string? ApiToken { get; set; }

    /// <summary>PEM CA that an https <see cref="Api"/>'s certificate must chain to (the CA <c>gz provision</c> made); the system's trust when empty.</summary>
    public string? CaFile { get; set; }

    /// <summary>Largest model file the device downloads.</summary>
    public long MaxModelBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Largest audit inputs file the device downloads (and holds in memory while it runs the items).</summary>
    public long MaxAuditBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>A new model runs on trial until this many inferences passed (finished, finite outputs); a failure rolls it back.</summary>
    public int ProbeInferences { get; set; } = 20;

    /// <summary>A trial that has not passed after this long is rolled back.</summary>
    public int ProbeTimeoutSeconds { get; set; } = 300;
}
