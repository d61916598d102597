using Microsoft.Extensions.Options;

namespace GzAiEdge.EdgeRuntime.Configuration;

/// <summary>Checks the broker the device publishes to (section <c>Broker</c>), naming file, line and key.</summary>
public sealed class BrokerOptionsValidator(ConfigurationLocator locator, DeviceFiles files) : IValidateOptions<BrokerOptions>
{
    public ValidateOptionsResult Validate(string? name, BrokerOptions options)
    {
        var errors = new OptionErrors(locator);
        if (string.IsNullOrWhiteSpace(options.Host))
        {
            errors.Add("Broker:Host", "must name the broker host");
        }

        errors.Range("Broker:Port", options.Port, 1, 65535);
        errors.Range("Broker:KeepAliveSeconds", options.KeepAliveSeconds, 5, 65535);
        errors.OptionalFile("Broker:CaFile", options.CaFile, files);
        return errors.Result();
    }
}
