using Microsoft.Extensions.Options;

namespace GzAiEdge.TimeSeries;

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

        if (options.WriteApi == InfluxWriteApi.V2 && (string.IsNullOrWhiteSpace(options.Org) || string.IsNullOrWhiteSpace(options.Bucket)))
        {
            errors.Add($"{InfluxDbOptions.Section}:WriteApi = V2 (/api/v2/write) needs {InfluxDbOptions.Section}:Org and {InfluxDbOptions.Section}:Bucket");
        }

        if (options.WriteApi == InfluxWriteApi.V1 && (options.Org is not null || options.Bucket is not null || options.Token is not null))
        {
            errors.Add($"{InfluxDbOptions.Section}:Org, Bucket and Token apply to the /api/v2/write API; set {InfluxDbOptions.Section}:WriteApi = V2 to use them");
        }

        if (!Enum.IsDefined(options.WriteApi))
        {
            errors.Add($"{InfluxDbOptions.Section}:WriteApi = {(int)options.WriteApi} must be V1 or V2");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(10))
        {
            errors.Add($"{InfluxDbOptions.Section}:Timeout = {options.Timeout} is outside 00:00:00.001..00:10:00");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
