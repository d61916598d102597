namespace GzAiEdge.Contracts.Commands;

/// <summary>The kinds of <see cref="Messages.DeviceCommand"/> a device understands.</summary>
public static class CommandTypes
{
    /// <summary>Sets configuration values (keys the device's config allows); the pipeline is rebuilt with them and they survive a restart.</summary>
    public const string ConfigSet = "config.set";

    /// <summary>Rebuilds the device's pipeline (source and model) from its current configuration, without restarting the process.</summary>
    public const string PipelineRestart = "pipeline.restart";

    /// <summary>Downloads, verifies and installs a signed model from the cloud's model repository, rolling back if it fails.</summary>
    public const string ModelUpdate = "model.update";

    /// <summary>
    /// Runs a sealed audit: downloads the inputs the signed manifest in its arguments names
    /// (<see cref="Audits.AuditArguments"/>), runs every item through the device's own pipeline and model, and posts the
    /// signed raw outputs to the cloud, which scores them against labels the device never sees.
    /// </summary>
    public const string AuditRun = "audit.run";

    /// <summary>
    /// Uploads evidence for items the cloud sampled from closed windows (<see cref="Evidence.EvidenceFetchArguments"/>):
    /// for each, the input the evidence ring holds at the draw's place among the window's inputs of the stratum, and the
    /// outputs the pipeline produced for it, signed and bound to the window's report; or, signed too, why it cannot.
    /// </summary>
    public const string EvidenceFetch = "evidence.fetch";

    /// <summary>Argument of <see cref="ModelUpdate"/>: the model's name in the repository.</summary>
    public const string NameArgument = "name";

    /// <summary>Argument of <see cref="ModelUpdate"/>: the model's version in the repository.</summary>
    public const string VersionArgument = "version";

    /// <summary>How long a command stays valid, in seconds, when whoever sends it does not say.</summary>
    public const int DefaultExpirySeconds = 600;

    /// <summary>Every type, in the order they are documented.</summary>
    public static readonly IReadOnlyList<string> All = [ConfigSet, PipelineRestart, ModelUpdate, AuditRun, EvidenceFetch];
}
