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
        if (!options.UsesTls && !options.AllowPlaintext)
        {
            errors.Add("Broker:CaFile", "the connection to the broker would not be encrypted: set it to the broker's CA "
                + "(gz provision writes ca.crt and names it in the device's credentials.env as Broker__CaFile), or set "
                + "Broker:AllowPlaintext: true to connect without TLS (every start then logs a warning)");
        }

        var certificate = options.ClientCertificateFile is { Length: > 0 };
        if (certificate != options.ClientKeyFile is { Length: > 0 })
        {
            errors.Add(certificate ? "Broker:ClientKeyFile" : "Broker:ClientCertificateFile",
                "Broker:ClientCertificateFile and Broker:ClientKeyFile go together: set both or neither");
        }

        if (certificate && !options.UsesTls)
        {
            errors.Add("Broker:ClientCertificateFile", "a client certificate needs TLS: set Broker:CaFile");
        }

        errors.OptionalFile("Broker:ClientCertificateFile", options.ClientCertificateFile, files);
        errors.OptionalFile("Broker:ClientKeyFile", options.ClientKeyFile, files);
        return errors.Result();
    }
}
