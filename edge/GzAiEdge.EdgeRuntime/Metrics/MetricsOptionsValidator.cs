using System.Net;
using GzAiEdge.EdgeRuntime.Configuration;
using Microsoft.Extensions.Options;

namespace GzAiEdge.EdgeRuntime.Metrics;

/// <summary>Checks the metrics endpoint (section <c>Metrics</c>), naming file, line and key.</summary>
public sealed class MetricsOptionsValidator(ConfigurationLocator locator) : IValidateOptions<MetricsOptions>
{
    public ValidateOptionsResult Validate(string? name, MetricsOptions options)
    {
        var errors = new OptionErrors(locator);
        errors.Range("Metrics:Port", options.Port, 0, 65535);
        if (!IPAddress.TryParse(options.Address, out _))
        {
            errors.Add("Metrics:Address", $"'{options.Address}' is not an IP address (127.0.0.1 keeps the metrics on this board)");
        }

        return errors.Result();
    }
}
