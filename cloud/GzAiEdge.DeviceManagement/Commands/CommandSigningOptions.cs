namespace GzAiEdge.DeviceManagement.Commands;

/// <summary>How the cloud signs the commands it sends (config section <c>Commands</c>).</summary>
// Setters, not init: the configuration binding source generator silently skips init-only properties.
public sealed record CommandSigningOptions
{
    public const string Section = "Commands";

    /// <summary>
    /// PEM private command key (<c>gz provision</c> writes <c>cloud/command-key.pem</c>). Without it this instance sends
    /// no commands: an instance that only ingests has no reason to hold it.
    /// </summary>
    public string? SigningKeyFile { get; set; }
}
