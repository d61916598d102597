using System.Globalization;

namespace GzAiEdge.Cli.Provisioning;

/// <summary>
/// The broker's listener config for a provisioned site: <c>firmware-configs/mosquitto/gz-secure.conf.template</c>
/// (built into the CLI) filled with the site's folder, the listener and how clients prove who they are.
/// </summary>
internal static class BrokerConfig
{
    private const string Template = "gz-secure.conf.template";

    // A line of its own, so that nothing else (a comment) can take the settings.
    private const string ClientAuth = "\n@CLIENT_AUTH@\n";

    public static void Write(string root, int port, string bind, bool clientCertificates)
    {
        using var stream = typeof(BrokerConfig).Assembly.GetManifestResourceStream(Template)
            ?? throw new InvalidOperationException($"the CLI was built without {Template}");
        using var reader = new StreamReader(stream);
        var clientAuth = clientCertificates
            ? "require_certificate true\nuse_identity_as_username true"
            : $"require_certificate false\npassword_file {root}/mosquitto/passwd";
        var template = reader.ReadToEnd();
        if (!template.Contains(ClientAuth, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{Template} has no line @CLIENT_AUTH@ for the client authentication settings");
        }

        var text = template
            .Replace(ClientAuth, $"\n{clientAuth}\n", StringComparison.Ordinal)
            .Replace("@PKI@", root, StringComparison.Ordinal)
            .Replace("@PORT@", port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("@BIND@", bind, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(root, "mosquitto", "gz-secure.conf"), text);
    }
}
