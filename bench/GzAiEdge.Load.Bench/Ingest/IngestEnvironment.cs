using GzAiEdge.Testing;

namespace GzAiEdge.Load.Bench.Ingest;

/// <summary>The servers of one run and what the peer bridge needs besides them.</summary>
/// <param name="Broker">Mosquitto with the project's limits (firmware-configs/mosquitto/gz-limits.conf), fresh for the run.</param>
/// <param name="Influx">InfluxDB 1.x, fresh for the run.</param>
/// <param name="SectorsFile">scenario → sector JSON for the bridge.</param>
/// <param name="CatalogueFile">The sample catalogue with the simulated devices listed, for GzAiEdge (it takes reports only from listed devices).</param>
/// <param name="PeerAck">When the bridge acknowledges: receipt or after-write.</param>
/// <param name="ReceiveMaximum">The receive maximum both kinds of consumer announce.</param>
/// <param name="LiveFeed">Whether GzAiEdge instances also run their live feed (a second, unshared subscription to every report).</param>
public sealed record IngestEnvironment(MosquittoBroker Broker, InfluxDbServer Influx, string SectorsFile, string CatalogueFile, string PeerAck, int ReceiveMaximum, bool LiveFeed);
