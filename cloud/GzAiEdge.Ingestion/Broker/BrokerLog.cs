namespace GzAiEdge.Ingestion.Broker;

/// <summary>Log messages about the cloud's broker connections (event ids 3100–3119).</summary>
internal static partial class BrokerLog
{
    [LoggerMessage(3100, LogLevel.Warning, "{Job} connects to the broker {Host}:{Port} WITHOUT TLS (Broker:AllowPlaintext = true): passwords and messages cross the network in clear; set Broker:CaFile and remove the opt-out")]
    public static partial void Plaintext(ILogger logger, string job, string host, int port);

    [LoggerMessage(3101, LogLevel.Warning, "{Job} connects to the broker {Host}:{Port} with TLS; Broker:AllowPlaintext = true is set but unused: remove it")]
    public static partial void PlaintextAllowedButUnused(ILogger logger, string job, string host, int port);
}
