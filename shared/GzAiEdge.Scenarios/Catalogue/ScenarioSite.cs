namespace GzAiEdge.Scenarios.Catalogue;

/// <summary>A site of a demonstration and the devices there that report for it.</summary>
/// <param name="Site">Site id, as in the MQTT topic and the InfluxDB <c>site</c> tag.</param>
/// <param name="Devices">Device ids at that site.</param>
public sealed record ScenarioSite(string Site, IReadOnlyList<string> Devices);
