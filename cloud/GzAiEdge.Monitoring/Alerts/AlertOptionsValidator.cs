using Microsoft.Extensions.Options;

namespace GzAiEdge.Monitoring.Alerts;

/// <summary>Checks the options and the rules file they name, so that a bad rule stops the start with its line.</summary>
public sealed class AlertOptionsValidator : IValidateOptions<AlertOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.StorePath))
        {
            errors.Add("Alerts:StorePath: must name a SQLite file");
        }

        if (options.MaxAgeDays is < 1 or > 36_500)
        {
            errors.Add($"Alerts:MaxAgeDays = {options.MaxAgeDays}: must be within 1–36500");
        }

        if (options.MaxResolved is < 100 or > 100_000_000)
        {
            errors.Add($"Alerts:MaxResolved = {options.MaxResolved}: must be within 100–100000000");
        }

        if (options.WebhookUrl is { Length: > 0 } url
            && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            errors.Add($"Alerts:WebhookUrl = '{url}': must be an absolute http or https URL");
        }

        if (string.IsNullOrWhiteSpace(options.RulesPath))
        {
            errors.Add("Alerts:RulesPath: must name the alert rules YAML file");
        }
        else
        {
            try
            {
                AlertRulesLoader.Load(options.RulesPath);
            }
            catch (AlertRulesException ex)
            {
                errors.AddRange(ex.Message.Split(Environment.NewLine).Select(line => $"Alerts:RulesPath: {line}"));
            }
        }

        return errors.Count > 0 ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}
