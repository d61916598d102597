using GzAiEdge.Contracts.Signing;
using Microsoft.Extensions.Options;

namespace GzAiEdge.DeviceManagement.Models;

/// <summary>Checks the model repository settings at start.</summary>
public sealed class ModelsOptionsValidator : IValidateOptions<ModelsOptions>
{
    public ValidateOptionsResult Validate(string? name, ModelsOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            errors.Add("Models:Path: must name the model repository folder");
        }

        if (options.ProgrammeKeyFile is { Length: > 0 } key)
        {
            try
            {
                SignatureCheck.FromPem(File.ReadAllText(key), key).Dispose();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                errors.Add($"Models:ProgrammeKeyFile = '{key}': {ex.Message}");
            }
        }

        return errors.Count > 0 ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}
