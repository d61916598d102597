using System.Text;

namespace GzAiEdge.Cli.Provisioning;

/// <summary>
/// The cloud's MQTT identities, one per job and each with only the rights that job needs: ingestion
/// (<c>gz-ingest-1</c>, <c>gz-ingest-2</c>, … one per instance, since the broker binds a client id to each username)
/// reads device topics and writes nothing; the live feed and alerts (<c>gz-live</c>) read them and read and write
/// <c>gz/v1/alerts</c>; the commander (<c>gz-commander</c>) writes <c>gz/v1/+/+/cmd</c> and nothing else. Each has its own
/// env file, so an instance is given only the secrets of the jobs it runs.
/// </summary>
internal static class CloudIdentities
{
    public const string IngestPrefix = "gz-ingest-";
    public const string Live = "gz-live";
    public const string Commander = "gz-commander";

    /// <summary>Every device topic: <c>gz/v1/{site}/{device}/{kind}</c>.</summary>
    private const string DeviceTopics = "gz/v1/+/+/+";

    /// <summary>Adds the identities to the password file and the ACL, and writes their env files into <c>{root}/cloud</c>.</summary>
    public static void Write(string root, int ingestInstances, Pki pki, bool clientCertificates, StringBuilder passwd, StringBuilder acl)
    {
        acl.Append("\n# The cloud, one identity per job.\n");
        for (var i = 1; i <= ingestInstances; i++)
        {
            var user = $"{IngestPrefix}{i}";
            acl.Append($"# Ingestion instance {i}: reads every device through $share/gz-ingest/{DeviceTopics}, writes nothing.\nuser {user}\ntopic read {DeviceTopics}\n");
            Identity(root, $"ingest-{i}", "Ingest", user, pki, clientCertificates, passwd);
        }

        acl.Append($"# Live feed and alerts: reads every device and the alerts, writes alerts.\nuser {Live}\ntopic read {DeviceTopics}\ntopic readwrite gz/v1/alerts\n");
        Identity(root, "live", "Live", Live, pki, clientCertificates, passwd);
        acl.Append($"# Commander: writes devices' cmd topics, nothing else.\nuser {Commander}\ntopic write gz/v1/+/+/cmd\n");
        Identity(root, "commander", "Commander", Commander, pki, clientCertificates, passwd);
    }

    private static void Identity(string root, string file, string job, string user, Pki pki, bool clientCertificates, StringBuilder passwd)
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

        Pki.Secret(Path.Combine(folder, file + ".env"), env.ToString());
    }
}
