using Microsoft.Extensions.Options;

namespace GzAiEdge.Ingestion.Broker;

/// <summary>Fails the start on a broker config that cannot be used or would connect without TLS unasked, naming each key.</summary>
public sealed class CloudBrokerOptionsValidator : IValidateOptions<CloudBrokerOptions>
{
    private const string S = CloudBrokerOptions.Section;

    public ValidateOptionsResult Validate(string? name, CloudBrokerOptions o)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(o.Host))
        {
            errors.Add($"{S}:Host must name the broker host");
        }

        if (o.Port is < 1 or > 65535)
        {
            errors.Add($"{S}:Port = {o.Port} is outside 1..65535");
        }

        if (o.CaFile is { Length: > 0 } ca && !File.Exists(ca))
        {
            errors.Add($"{S}:CaFile: file '{ca}' not found");
        }
        else if (!o.UsesTls && !o.AllowPlaintext)
        {
            errors.Add($"{S}:CaFile is not set, so the broker connections would not be encrypted: set {S}:CaFile to the broker's CA "
                + $"(gz provision writes ca.crt), or {S}:AllowPlaintext = true to connect without TLS (every start then logs a warning)");
        }

        Identity(errors, o, "Ingest", o.Ingest);
        Identity(errors, o, "Live", o.Live);
        Identity(errors, o, "Commander", o.Commander);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Identity(List<string> errors, CloudBrokerOptions o, string job, MqttIdentityOptions identity)
    {
        var key = $"{S}:{job}";
        if (identity.Password is { Length: > 0 } && string.IsNullOrEmpty(identity.Username))
        {
            errors.Add($"{key}:Password is set without {key}:Username");
        }

        var certificate = identity.ClientCertificateFile is { Length: > 0 };
        var privateKey = identity.ClientKeyFile is { Length: > 0 };
        if (certificate != privateKey)
        {
            errors.Add($"{key}:ClientCertificateFile and {key}:ClientKeyFile go together: set both or neither");
        }

        if (certificate && !o.UsesTls)
        {
            errors.Add($"{key}:ClientCertificateFile needs TLS: set {S}:CaFile");
        }

        foreach (var (file, path) in new[] { ("ClientCertificateFile", identity.ClientCertificateFile), ("ClientKeyFile", identity.ClientKeyFile) })
        {
            if (path is { Length: > 0 } && !File.Exists(path))
            {
                errors.Add($"{key}:{file}: file '{path}' not found");
            }
        }
    }
}
