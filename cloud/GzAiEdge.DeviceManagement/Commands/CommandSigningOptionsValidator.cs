using GzAiEdge.Contracts.Signing;
using Microsoft.Extensions.Options;

namespace GzAiEdge.DeviceManagement.Commands;

/// <summary>Checks at start that a configured command key is a P-256 private key.</summary>
public sealed class CommandSigningOptionsValidator : IValidateOptions<CommandSigningOptions>
{
    public ValidateOptionsResult Validate(string? name, CommandSigningOptions options)
    {
        if (options.SigningKeyFile is not { Length: > 0 } key)
        {
            return ValidateOptionsResult.Success;
        }

        try
        {
            CommandSigner.FromPemFile(key).Dispose();
            return ValidateOptionsResult.Success;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return ValidateOptionsResult.Fail($"Commands:SigningKeyFile = '{key}': {ex.Message}");
        }
    }
}
