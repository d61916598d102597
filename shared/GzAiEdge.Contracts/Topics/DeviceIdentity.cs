namespace GzAiEdge.Contracts.Topics;

/// <summary>How a device is named to the broker.</summary>
public static class DeviceIdentity
{
    /// <summary>
    /// The device's MQTT name: its username, its client id and its client certificate's common name, site and device
    /// joined by a dot. Neither id may contain a dot (<see cref="Identifiers"/>), so no two devices share a name, as
    /// site <c>a-b</c> with device <c>c</c> and site <c>a</c> with device <c>b-c</c> would if the join were a dash.
    /// </summary>
    public static string MqttName(string site, string device) => $"{site}.{device}";
}
