namespace GzAiEdge.TimeSeries;

/// <summary>The WHERE and FROM fragments the readers share, each value quoted by <see cref="InfluxQl"/>.</summary>
internal static class Conditions
{
    public static string From(string measurement) => $"FROM {InfluxQl.Identifier(measurement)}";

    public static string Is(string key, string value) => $"{InfluxQl.Identifier(key)} = {InfluxQl.StringLiteral(value)}";

    public static string Device(string site, string device) =>
        $"{Is(StoredSchema.Tag.Site, site)} AND {Is(StoredSchema.Tag.Device, device)}";

    /// <summary>[from, to): the half-open range the API and verification read.</summary>
    public static string Period(DateTimeOffset from, DateTimeOffset to) =>
        $"time >= {InfluxQl.TimeLiteral(from)} AND time < {InfluxQl.TimeLiteral(to)}";
}
