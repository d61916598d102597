using Microsoft.Extensions.Options;

namespace GzAiEdge.EdgeRuntime.Configuration;

/// <summary>Checks who the device is and how it reports (section <c>Edge</c>), naming file, line and key.</summary>
public sealed class EdgeOptionsValidator(ConfigurationLocator locator, DeviceFiles files) : IValidateOptions<EdgeOptions>
{
    public ValidateOptionsResult Validate(string? name, EdgeOptions options)
    {
        var errors = new OptionErrors(locator);
        errors.Id("Edge:Site", options.Site);
        errors.Id("Edge:Device", options.Device);
        errors.Id("Edge:Scenario", options.Scenario);
        errors.Range("Edge:WindowSeconds", options.WindowSeconds, 1, 3600);
        errors.Range("Edge:HeartbeatSeconds", options.HeartbeatSeconds, 1, 3600);
        if (string.IsNullOrWhiteSpace(options.StateDirectory))
        {
            errors.Add("Edge:StateDirectory", "must name a folder");
        }

        errors.OptionalFile("Edge:SigningKeyFile", options.SigningKeyFile, files);
        return errors.Result();
    }
}
