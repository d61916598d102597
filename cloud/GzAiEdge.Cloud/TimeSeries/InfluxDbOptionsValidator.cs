using Microsoft.Extensions.Options;

namespace GzAiEdge.Cloud.TimeSeries;

/// <summary>Fails the start on a bad InfluxDB config, naming each key.</summary>
public sealed class InfluxDbOptionsValidator : IValidateOptions<InfluxDbOptions>
{
    public ValidateOptionsResult Validate(string? name, InfluxDbOptions options)
    {
        var errors = new List<string>();
        if (options.BaseAddress is not { IsAbsoluteUri: true } address || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add($"{InfluxDbOptions.Section}:BaseAddress = '{options.BaseAddress}' must be an absolute http or https address, e.g. http://127.0.0.1:8086");
        }

        if (string.IsNullOrWhiteSpace(options.Database))
        {
            errors.Add($"{InfluxDbOptions.Section}:Database must name the database");
        }

        if (options.Password is not null && string.IsNullOrEmpty(options.Username))
        {
            errors.Add($"{InfluxDbOptions.Section}:Password is set but {InfluxDbOptions.Section}:Username is not");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(10))
        {
            errors.Add($"{InfluxDbOptions.Section}:Timeout = {options.Timeout} is outside 00:00:00.001..00:10:00");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
