namespace GzAiEdge.Contracts.Api;

/// <summary>The latest KPI report stored for one device and scenario, as the cloud API returns it.</summary>
/// <param name="Site">Site id.</param>
/// <param name="Device">Device id.</param>
/// <param name="Scenario">Scenario id.</param>
/// <param name="Sector">Sector tag.</param>
/// <param name="WindowEnd">End of the report's window.</param>
/// <param name="Seq">The report's sequence number.</param>
/// <param name="Kpis">KPI name to value.</param>
public sealed record LatestKpis(
    string Site, string Device, string Scenario, string Sector, DateTimeOffset WindowEnd, long Seq,
    IReadOnlyDictionary<string, double> Kpis);
