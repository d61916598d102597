using System.Text;

namespace GzAiEdge.Cli.Provisioning;

/// <summary>
/// The cloud's MQTT identities, one per job and instance (the broker binds each username to one client id, so two
/// instances cannot share one), each with only the rights its job needs: ingestion (<c>gz-ingest-N</c>) reads device
/// topics and writes nothing; the live feed and alerts (<c>gz-live-N</c>) read them and read and write
/// <c>gz/v1/alerts</c>; the commander (<c>gz-commander-N</c>) writes <c>gz/v1/+/+/cmd</c> and nothing else. Each has its
/// own env file, so an instance is given only the secrets of the jobs it runs.
/// </summary>
internal static class CloudIdentities
{
    public const string Ingest = "gz-ingest";
    public const string Live = "gz-live";
    public const string Commander = "gz-commander";

    /// <summary>Every device topic: <c>gz/v1/{site}/{device}/{kind}</c>.</summary>
    private const string DeviceTopics = "gz/v1/+/+/+";

    /// <summary>Adds the identities of <paramref name="instances"/> cloud instances (the commanders also get <paramref name="commandKeyFile"/>, the key that signs commands) to the password file and the ACL, and writes their env files into <c>{root}/cloud</c>.</summary>
    public static void Write(string root, int instances, Pki pki, bool clientCertificates, StringBuilder passwd, StringBuilder acl, string commandKeyFile)
    {
        acl.Append($"""

            # The cloud: one identity per job and instance.
            # Ingestion reads every device through $share/gz-ingest/{DeviceTopics} and writes nothing.
            {string.Join("\n", Enumerable.Range(1, instances).Select(i => $"user {Ingest}-{i}\ntopic read {DeviceTopics}"))}
            # The live feed and alerts read every device and the alerts, and write alerts.
            {string.Join("\n", Enumerable.Range(1, instances).Select(i => $"user {Live}-{i}\ntopic read {DeviceTopics}\ntopic readwrite gz/v1/alerts"))}
            # The commander writes devices' cmd topics and nothing else.
            {string.Join("\n", Enumerable.Range(1, instances).Select(i => $"user {Commander}-{i}\ntopic write gz/v1/+/+/cmd"))}

            """);
        for (var i = 1; i <= instances; i++)
        {
            Identity(root, $"ingest-{i}", "Ingest", $"{Ingest}-{i}", pki, clientCertificates, passwd);
            Identity(root, $"live-{i}", "Live", $"{Live}-{i}", pki, clientCertificates, passwd);
            Identity(root, $"commander-{i}", "Commander", $"{Commander}-{i}", pki, clientCertificates, passwd,
                $"Commands__SigningKeyFile={commandKeyFile}\n");
        }
    }

    private static void Identity(string root, string file, string job, string user, Pki pki, bool clientCertificates, StringBuilder passwd,
        string jobSettings = "")
    {
        var folder = Path.Combine(root, "cloud");
        var env = new StringBuilder($"Broker__{job}__Username={user}\nBroker__{job}__ClientId={user}\n");
        if (clientCertificates)
        {
            pki.WriteClient(folder, user, user);
            env.Append($"Broker__{job}__ClientCertificateFile={Path.Combine(folder, user + ".crt")}\nBroker__{job}__ClientKeyFile={Path.Combine(folder, user + ".key")}\n");
        }
        else
        {
            var password = MosquittoPasswords.NewPassword();
            passwd.Append(MosquittoPasswords.Line(user, password)).Append('\n');
            env.Append($"Broker__{job}__Password={password}\n");
        }

        Pki.Secret(Path.Combine(folder, file + ".env"), env.Append(jobSettings).ToString());
    }
}
