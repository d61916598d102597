using GzAiEdge.Contracts.Messages;

namespace GzAiEdge.TimeSeries;

/// <summary>
/// The fields a heartbeat's health adds to its point; a reading the device left out adds none. Each field keeps
/// one type forever (InfluxDB fixes it on first write): shares, rates and temperatures are floats, counts integers.
/// </summary>
public static class HealthFields
{
    /// <summary>Prefix and suffix of a temperature's field: <c>temp_cpu_c</c>.</summary>
    public const string TemperaturePrefix = "temp_", TemperatureSuffix = "_c";

    public static void AddTo(List<KeyValuePair<string, FieldValue>> fields, DeviceHealth health)
    {
        Float(fields, "cpu_process_pct", health.CpuProcessPercent);
        Float(fields, "cpu_system_pct", health.CpuSystemPercent);
        Integer(fields, "cpu_cores", health.CpuCores);
        Integer(fields, "mem_rss_bytes", health.MemoryRssBytes);
        Integer(fields, "mem_available_bytes", health.MemoryAvailableBytes);
        Integer(fields, "mem_total_bytes", health.MemoryTotalBytes);
        Integer(fields, "disk_free_bytes", health.DiskFreeBytes);
        Integer(fields, "disk_total_bytes", health.DiskTotalBytes);
        Float(fields, "inferences_per_s", health.InferencesPerSecond);
        foreach (var (name, celsius) in health.Temperatures ?? new Dictionary<string, double>())
        {
            fields.Add(new(TemperaturePrefix + name + TemperatureSuffix, FieldValue.Float(celsius)));
        }

        if (health.Camera is { } camera)
        {
            fields.Add(new("camera_state", FieldValue.String(camera.State)));
            Float(fields, "camera_fps", camera.FramesPerSecond);
            Integer(fields, "camera_dropped", camera.FramesDropped);
        }
    }

    private static void Float(List<KeyValuePair<string, FieldValue>> fields, string name, double? value)
    {
        if (value is { } v)
        {
            fields.Add(new(name, FieldValue.Float(v)));
        }
    }

    private static void Integer(List<KeyValuePair<string, FieldValue>> fields, string name, long? value)
    {
        if (value is { } v)
        {
            fields.Add(new(name, FieldValue.Integer(v)));
        }
    }
}
