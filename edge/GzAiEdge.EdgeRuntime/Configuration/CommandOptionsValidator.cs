using GzAiEdge.Contracts.Commands;
using GzAiEdge.Contracts.Signing;
using Microsoft.Extensions.Options;

namespace GzAiEdge.EdgeRuntime.Configuration;

/// <summary>Checks the <c>commands</c> section at start, naming file, line and key of every bad value.</summary>
public sealed class CommandOptionsValidator(ConfigurationLocator locator, DeviceFiles files) : IValidateOptions<CommandOptions>
{
    public ValidateOptionsResult Validate(string? name, CommandOptions options)
    {
        var errors = new OptionErrors(locator);
        for (var i = 0; i < options.Enabled.Count; i++)
        {
            if (!CommandTypes.All.Contains(options.Enabled[i]))
            {
                errors.Add($"Commands:Enabled:{i}", $"'{options.Enabled[i]}' is not one of {string.Join(", ", CommandTypes.All)}");
            }
        }

        for (var i = 0; i < options.ConfigKeys.Count; i++)
        {
            if (!CommandOptions.SupportedConfigKeys.Contains(options.ConfigKeys[i], StringComparer.OrdinalIgnoreCase))
            {
                errors.Add($"Commands:ConfigKeys:{i}", $"'{options.ConfigKeys[i]}' cannot be set remotely; these can: {string.Join(", ", CommandOptions.SupportedConfigKeys)}");
            }
        }

        if (options.Enabled.Contains(CommandTypes.ConfigSet) && options.ConfigKeys.Count == 0)
        {
            errors.Add("Commands:ConfigKeys", "config.set is enabled but no key is allowed; list the keys it may change");
        }

        // Both fetch signed content from the cloud API: they need the programme's key and the API's address.
        if (new[] { CommandTypes.ModelUpdate, CommandTypes.AuditRun }.FirstOrDefault(options.Enabled.Contains) is { } fetching)
        {
            CheckCloudContent(errors, options, fetching);
        }
        else if (options.Enabled.Contains(CommandTypes.EvidenceFetch)
            && (!Uri.TryCreate(options.Api, UriKind.Absolute, out var api) || api.Scheme is not ("http" or "https")))
        {
            // Evidence goes up to the cloud API; nothing signed by the programme comes down, so no programme key.
            errors.Add("Commands:Api", $"{CommandTypes.EvidenceFetch} is enabled, so the cloud API's http(s) address is needed, e.g. https://cloud:5080 (was '{options.Api}')");
        }

        CheckCommandKeys(errors, options);

        errors.Range("Commands:MaxModelBytes", options.MaxModelBytes, 1024, 1L << 34);
        errors.Range("Commands:MaxAuditBytes", options.MaxAuditBytes, 1024, 1L << 34);
        errors.Range("Commands:ProbeInferences", options.ProbeInferences, 1, 100_000);
        errors.Range("Commands:ProbeTimeoutSeconds", options.ProbeTimeoutSeconds, 1, 86_400);
        return errors.Result();
    }

    private void CheckCommandKeys(OptionErrors errors, CommandOptions options)
    {
        if (options.Enabled.Count > 0 && options.CommandKeyFiles.Count == 0)
        {
            errors.Add("Commands:CommandKeyFiles", "commands are enabled, so the cloud's public command key is needed to check their signatures (gz provision writes command-key.pub.pem)");
        }

        var kids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < options.CommandKeyFiles.Count; i++)
        {
            var (key, file) = ($"Commands:CommandKeyFiles:{i}", options.CommandKeyFiles[i]);
            if (!files.FileExists(file))
            {
                errors.Add(key, $"file '{file}' not found{files.Where(file)}");
                continue;
            }

            try
            {
                using var check = SignatureCheck.FromPem(File.ReadAllText(files.Resolve(file)), file);
                if (!kids.TryAdd(check.Kid, i))
                {
                    errors.Add(key, $"holds key {check.Kid}, which Commands:CommandKeyFiles:{kids[check.Kid]} holds already");
                }
            }
            catch (InvalidDataException ex)
            {
                errors.Add(key, ex.Message);
            }
        }
    }

    private void CheckCloudContent(OptionErrors errors, CommandOptions options, string type)
    {
        if (options.ProgrammeKeyFile is not { Length: > 0 } key)
        {
            errors.Add("Commands:ProgrammeKeyFile", $"{type} is enabled, so the programme's public key is needed (gz provision writes it)");
        }
        else if (!files.FileExists(key))
        {
            errors.Add("Commands:ProgrammeKeyFile", $"file '{key}' not found{files.Where(key)}");
        }
        else
        {
            try
            {
                SignatureCheck.FromPem(File.ReadAllText(files.Resolve(key)), key).Dispose();
            }
            catch (InvalidDataException ex)
            {
                errors.Add("Commands:ProgrammeKeyFile", ex.Message);
            }
        }

        if (!Uri.TryCreate(options.Api, UriKind.Absolute, out var api) || api.Scheme is not ("http" or "https"))
        {
            errors.Add("Commands:Api", $"{type} is enabled, so the cloud API's http(s) address is needed, e.g. https://cloud:5080 (was '{options.Api}')");
        }

        errors.OptionalFile("Commands:CaFile", options.CaFile, files);
    }
}
