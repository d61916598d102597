using GzAiEdge.Contracts.Commands;
using GzAiEdge.Contracts.Signing;
using Microsoft.Extensions.Options;

namespace GzAiEdge.EdgeRuntime.Configuration;

/// <summary>Checks the <c>commands</c> section at start, naming file, line and key of every bad value.</summary>
public sealed class CommandOptionsValidator(ConfigurationLocator locator, DeviceFiles files) : IValidateOptions<CommandOptions>
{
    public ValidateOptionsResult Validate(string? name, CommandOptions options)
    {
        var errors = new List<string>();
        for (var i = 0; i < options.Enabled.Count; i++)
        {
            if (!CommandTypes.All.Contains(options.Enabled[i]))
            {
                errors.Add($"{locator.Describe($"Commands:Enabled:{i}")}: '{options.Enabled[i]}' is not one of {string.Join(", ", CommandTypes.All)}");
            }
        }

        for (var i = 0; i < options.ConfigKeys.Count; i++)
        {
            if (!CommandOptions.SupportedConfigKeys.Contains(options.ConfigKeys[i], StringComparer.OrdinalIgnoreCase))
            {
                errors.Add($"{locator.Describe($"Commands:ConfigKeys:{i}")}: '{options.ConfigKeys[i]}' cannot be set remotely; these can: {string.Join(", ", CommandOptions.SupportedConfigKeys)}");
            }
        }

        if (options.Enabled.Contains(CommandTypes.ConfigSet) && options.ConfigKeys.Count == 0)
        {
            errors.Add($"{locator.Describe("Commands:ConfigKeys")}: config.set is enabled but no key is allowed; list the keys it may change");
        }

        if (options.Enabled.Contains(CommandTypes.ModelUpdate))
        {
            CheckModelUpdate(errors, options);
        }

        if (options.MaxModelBytes is < 1024 or > 1L << 34)
        {
            errors.Add($"{locator.Describe("Commands:MaxModelBytes")}: {options.MaxModelBytes} is outside 1024..{1L << 34}");
        }

        if (options.ProbeInferences is < 1 or > 100_000)
        {
            errors.Add($"{locator.Describe("Commands:ProbeInferences")}: {options.ProbeInferences} is outside 1..100000");
        }

        if (options.ProbeTimeoutSeconds is < 1 or > 86_400)
        {
            errors.Add($"{locator.Describe("Commands:ProbeTimeoutSeconds")}: {options.ProbeTimeoutSeconds} is outside 1..86400");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private void CheckModelUpdate(List<string> errors, CommandOptions options)
    {
        if (options.ProgrammeKeyFile is not { Length: > 0 } key)
        {
            errors.Add($"{locator.Describe("Commands:ProgrammeKeyFile")}: model.update is enabled, so the programme's public key is needed (gz provision writes it)");
        }
        else if (!files.FileExists(key))
        {
            errors.Add($"{locator.Describe("Commands:ProgrammeKeyFile")}: file '{key}' not found{files.Where(key)}");
        }
        else
        {
            try
            {
                SignatureCheck.FromPem(File.ReadAllText(files.Resolve(key)), key).Dispose();
            }
            catch (InvalidDataException ex)
            {
                errors.Add($"{locator.Describe("Commands:ProgrammeKeyFile")}: {ex.Message}");
            }
        }

        if (!Uri.TryCreate(options.Api, UriKind.Absolute, out var api) || api.Scheme is not ("http" or "https"))
        {
            errors.Add($"{locator.Describe("Commands:Api")}: model.update is enabled, so the cloud API's http(s) address is needed, e.g. https://cloud:5080 (was '{options.Api}')");
        }

        if (options.CaFile is { Length: > 0 } ca && !files.FileExists(ca))
        {
            errors.Add($"{locator.Describe("Commands:CaFile")}: file '{ca}' not found{files.Where(ca)}");
        }
    }
}
