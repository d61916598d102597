using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Signing;
using Microsoft.Extensions.Options;

namespace GzAiEdge.DeviceManagement.Commands;

/// <summary>
/// This instance's command key (<see cref="CommandSigningOptions.SigningKeyFile"/>), which signs every command
/// <see cref="CommandPublisher"/> sends, whatever its type; devices run nothing it did not sign.
/// </summary>
public sealed class CommandSigning : IDisposable
{
    private readonly CommandSigner? _signer;

    public CommandSigning(IOptions<CommandSigningOptions> options) =>
        _signer = options.Value.SigningKeyFile is { Length: > 0 } key ? CommandSigner.FromPemFile(key) : null;

    /// <summary>The id of the command key, or null when this instance has none and so sends no commands.</summary>
    public string? Kid => _signer?.Kid;

    /// <summary>Why this instance cannot send commands, in words; null when it can.</summary>
    public string? Missing => _signer is null
        ? "this cloud instance holds no command key (Commands:SigningKeyFile; gz provision writes cloud/command-key.pem), and devices run only signed commands"
        : null;

    /// <summary>The command with its <c>kid</c> and <c>sig</c>.</summary>
    /// <exception cref="CommandNotPublishedException">No command key is configured.</exception>
    public DeviceCommand Sign(DeviceCommand command) =>
        _signer?.Sign(command) ?? throw new CommandNotPublishedException($"command {command.Id} not signed: {Missing}");

    public void Dispose() => _signer?.Dispose();
}
